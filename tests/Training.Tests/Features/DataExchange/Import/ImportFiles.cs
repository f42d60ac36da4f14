using System.Globalization;
using System.Net;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using SpreadCheetah;
using SpreadCheetah.Styling;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Features.DataExchange.Import;

namespace Training.Tests.Features.DataExchange.Import;

/// <summary>Workbooks, uploads and polling a run, as the import pages' tests use them.</summary>
internal static class ImportFiles
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// An xlsx with the given sheets, every row as given (the header too): text, numbers, dates
    /// or empty cells; a null row is an empty row, so row numbers stay as written.
    /// </summary>
    public static async Task<byte[]> BookAsync(params (string Sheet, object?[]?[] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        await using (var book = await Spreadsheet.CreateNewAsync(stream))
        {
            var date = book.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
            foreach (var (sheet, rows) in sheets)
            {
                await book.StartWorksheetAsync(sheet);
                foreach (var row in rows)
                    await book.AddRowAsync((row ?? []).Select(v => v switch
                    {
                        null => new Cell(),
                        int n => new Cell(n),
                        double d => new Cell(d),
                        DateOnly d => new Cell(d.ToDateTime(TimeOnly.MinValue), date),
                        var other => new Cell(Convert.ToString(other, CultureInfo.InvariantCulture)),
                    }).ToArray());
            }
            await book.FinishAsync();
        }
        return stream.ToArray();
    }

    /// <summary>Posts the upload form of <paramref name="page"/> as a browser does (multipart, antiforgery token from the page).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string page, byte[] bytes, string fileName)
    {
        using var form = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var token = (await form.ReadHtmlAsync()).QuerySelector("[data-testid=upload-form] input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? throw new InvalidOperationException($"{page} 的上传表单没有防伪令牌。");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new(XlsxType);
        content.Add(file, "Upload", fileName);
        return await client.PostAsync(page, content);
    }

    /// <summary>Polls the run's fragment as htmx does until it stops answering 200 (at most a minute).</summary>
    public static async Task<HttpResponseMessage> PollUntilDoneAsync(this HttpClient client, int runId)
    {
        for (var i = 0; ; i++)
        {
            var poll = new HttpRequestMessage(HttpMethod.Get, $"/Import/Run?id={runId}");
            poll.Headers.Add("HX-Request", "true");
            var status = await client.SendAsync(poll);
            if ((int)status.StatusCode != 200 || i >= 120) return status;
            status.Dispose();
            await Task.Delay(500);
        }
    }

    /// <summary>The run id in /Import/Run?id=N.</summary>
    public static int RunIdOf(HttpResponseMessage redirect)
    {
        var location = redirect.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"没有跳转：{(int)redirect.StatusCode}");
        Assert.StartsWith("/Import/Run?id=", location);
        return int.Parse(location["/Import/Run?id=".Length..], CultureInfo.InvariantCulture);
    }
}

/// <summary>Keeps what a job enqueues instead of queueing it.</summary>
internal sealed class RecordingJobs : IBackgroundJobClient
{
    public List<Job> Created { get; } = [];

    public string Create(Job job, IState state)
    {
        Created.Add(job);
        return Created.Count.ToString(CultureInfo.InvariantCulture);
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
