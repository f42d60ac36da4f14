using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Tests.Features.Statistics;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Demo;
using Training.Web.Features.People.MyData;

namespace Training.Tests.Features.People.MyData;

/// <summary>/MyData/Download (PIPL Art. 45: a copy): the page's sheets, every row, and the download in the trail.</summary>
[Collection(AppCollection.Name)]
public sealed class DownloadTests(AppFixture app)
{
    [Fact]
    public async Task Should_download_every_sheet_of_the_page_with_every_row_and_record_the_download()
    {
        var client = await app.SignInAsync(DemoData.TraineeUserName);
        var idNumber = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == DemoData.TraineeUserName).Select(u => u.Person!.IdNumber).SingleAsync());
        var signIns = await app.WithDbAsync(db => db.Audit.CountAsync(a => a.UserName == DemoData.TraineeUserName));

        using var download = await client.GetAsync("/MyData/Download");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("no-store", download.Headers.CacheControl?.ToString());
        var book = Xlsx.Read(await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(11, book.Sheets.Count);
        Assert.Equal(MyDataTexts.PersonHeaders, Enumerable.Range(0, MyDataTexts.PersonHeaders.Length).Select(i => book[MyDataTexts.PersonSheet].Rows[0].Text(i)));
        Assert.Equal(idNumber, book[MyDataTexts.PersonSheet].Rows[1].Text(1));
        Assert.Equal(signIns, book[MyDataTexts.TrailSheet].Rows.Count - 1);
        var recorded = await app.WithDbAsync(db => db.Audit.Where(a => a.UserName == DemoData.TraineeUserName && a.Action == MyDataTexts.DownloadedAudit)
            .OrderByDescending(a => a.Id).Select(a => a.Detail).FirstAsync());
        Assert.Equal(MyDataTexts.DownloadDetail(11, book.Sheets.Sum(s => s.Rows.Count - 1)), recorded);
    }

    [Fact]
    public async Task Should_refuse_a_download_past_the_limit_with_a_message_and_write_no_more()
    {
        var trainee = await app.TraineeAsync();
        var client = await app.SignInAsync(trainee);
        for (var i = 0; i < DownloadModel.Limit; i++)
        {
            using var download = await client.GetAsync("/MyData/Download");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        }

        using var refused = await client.GetAsync("/MyData/Download");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        using var page = await client.GetAsync(refused.Headers.Location!.OriginalString);
        Assert.Equal(MyDataTexts.DownloadLimited(DownloadModel.Limit, DownloadModel.Window),
            (await page.ReadHtmlAsync()).QuerySelector("[data-testid=flash]")?.TextContent.Trim());
        Assert.Equal(DownloadModel.Limit, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.UserName == trainee.UserName && a.Action == MyDataTexts.DownloadedAudit)));
    }

    [Fact]
    public async Task Should_count_only_the_downloads_inside_the_window()
    {
        var trainee = await app.TraineeAsync();
        var earlier = DateTime.UtcNow - DownloadModel.Window - TimeSpan.FromMinutes(1);
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < DownloadModel.Limit; i++) db.Audit.Add(new AuditEntry(trainee.UserName, MyDataTexts.DownloadedAudit, "", earlier));
            return await db.SaveChangesAsync();
        });
        var client = await app.SignInAsync(trainee);

        using var download = await client.GetAsync("/MyData/Download");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_staff_who_have_no_data_of_their_own_here()
    {
        var township = await app.SignInAsync(Infrastructure.Builders.DemoAccounts.Township);

        using var refused = await township.GetAsync("/MyData/Download");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/Denied", refused.Headers.Location?.AbsolutePath);
    }
}
