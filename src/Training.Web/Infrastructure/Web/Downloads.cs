using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Training.Web.Infrastructure.Web;

/// <summary>
/// The one way a page answers a file: as an attachment under its Chinese name, never cached (it may hold personal
/// data). A file made for the request (a report, an error workbook, the audit trail, 我的数据) is written to a
/// temporary file first, deleted once sent: a failure answers an error page instead of half a download, and a
/// workbook's zip, which ends with synchronous writes, never meets the response stream (which refuses them).
/// </summary>
public static class Downloads
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>RFC 6266/5987: the Chinese file name percent-encoded as UTF-8 (every current browser, WeChat's included, reads filename*).</summary>
    public static string ContentDisposition(string fileName) => $"attachment; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";

    /// <summary>Runs <paramref name="write"/> into a temporary file and returns it at its start, or deletes it and throws.</summary>
    public static async Task<FileStream> WriteTemporaryAsync(Func<Stream, Task> write)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await write(file);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
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
