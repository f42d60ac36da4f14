using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Training.Web.Infrastructure.Web;

/// <summary>
/// The one way a page answers a file: as an attachment under its Chinese name, never cached (it may hold personal
/// data). A file made for the request (a report, an error workbook, the audit trail, 我的数据) is written whole before
/// it is sent — in memory while small, to a temporary file past <see cref="MemoryLimit"/>, deleted once sent: a failure
/// answers an error page instead of half a download, and a workbook's zip, which ends with synchronous writes, never
/// meets the response stream (which refuses them).
/// </summary>
public static class Downloads
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>RFC 6266/5987: the Chinese file name percent-encoded as UTF-8 (every current browser, WeChat's included, reads filename*).</summary>
    public static string ContentDisposition(string fileName) => $"attachment; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";

    /// <summary>
    /// The most a download is kept in memory while written (most are a few KB: a temporary file for each cost a third
    /// of a small download's time); past it the rest goes to a temporary file, so a large export never sits in memory.
    /// </summary>
    public const int MemoryLimit = 256 * 1024;

    /// <summary>Runs <paramref name="write"/> into a buffer and returns it at its start, or drops it and throws.</summary>
    public static async Task<Stream> WriteTemporaryAsync(Func<Stream, Task> write)
    {
        var buffer = new SpillingBuffer(MemoryLimit);
        try
        {
            await write(buffer);
            return await buffer.ToStartAsync();
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }
    }

    /// <summary>The answer with <paramref name="file"/> (disposed, and so deleted, once sent).</summary>
    public static FileStreamResult Attachment(this PageModel page, Stream file, string fileName, string contentType = XlsxContentType)
    {
        page.Response.Headers.CacheControl = "no-store";
        page.Response.Headers.ContentDisposition = ContentDisposition(fileName);
        return page.File(file, contentType);
    }
}
