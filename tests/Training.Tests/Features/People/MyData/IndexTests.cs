using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Features.Demo;
using Training.Web.Features.People.MyData;

namespace Training.Tests.Features.People.MyData;

/// <summary>/MyData, 我的数据 (issue 16 §6, PIPL Art. 45–46): what is held about the trainee, and its 更正申请.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture app)
{
    private const string Trainee = DemoData.TraineeUserName;

    [Fact]
    public async Task Should_show_the_trainee_every_kind_of_data_held_about_it_with_its_own_full_ID_number_and_how_many_rows_each_list_has()
    {
        var client = await app.SignInAsync(Trainee);
        var idNumber = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == Trainee).Select(u => u.Person!.IdNumber).SingleAsync());

        var page = await (await client.GetAsync("/MyData")).ReadHtmlAsync();

        string[] expected = [MyDataTexts.AccountSheet, MyDataTexts.PersonSheet, MyDataTexts.PostsSheet, MyDataTexts.EducationSheet, MyDataTexts.EnrollmentsSheet,
            MyDataTexts.ReservesSheet, MyDataTexts.ClassesSheet, MyDataTexts.HoursSheet, MyDataTexts.CertificatesSheet, MyDataTexts.TrailSheet, MyDataTexts.CorrectionsSheet];
        Assert.Equal(expected, page.QuerySelectorAll("[data-sheet]").Select(s => s.GetAttribute("data-sheet")));
        Assert.Contains(idNumber, page.QuerySelector($"section[data-sheet='{MyDataTexts.PersonSheet}']")!.TextContent);
        Assert.Contains(Trainee, page.QuerySelector($"section[data-sheet='{MyDataTexts.AccountSheet}']")!.TextContent);
        var (trail, posts, hours) = await app.WithDbAsync(async db =>
        {
            var personId = await db.Users.Where(u => u.UserName == Trainee).Select(u => u.PersonId!.Value).SingleAsync();
            return (await db.Audit.CountAsync(a => a.UserName == Trainee), await db.Posts.CountAsync(p => p.PersonId == personId),
                await db.StudyLedger.CountAsync(e => e.PersonId == personId));
        });
        Assert.True(trail > 0);
        foreach (var (sheet, count) in new[] { (MyDataTexts.TrailSheet, trail), (MyDataTexts.PostsSheet, posts), (MyDataTexts.HoursSheet, hours) })
        {
            var line = page.QuerySelector($"li[data-sheet='{sheet}']")!;
            Assert.Equal(count.ToString(), line.GetAttribute("data-count"));
            Assert.Contains(count == 0 ? "无" : $"{count:N0} 条", line.TextContent);
        }
        Assert.Equal("/MyData/Sheet/trail", page.QuerySelector($"li[data-sheet='{MyDataTexts.TrailSheet}'] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Should_count_each_list_as_many_rows_as_its_own_page_shows()
    {
        var client = await app.SignInAsync(Trainee);
        await client.PostFormAsync("/MyData", "/MyData?handler=Correction", new Dictionary<string, string> { ["Input.Text"] = "任职日期应为 3 月 1 日" });

        var page = await (await client.GetAsync("/MyData")).ReadHtmlAsync();

        var lists = page.QuerySelectorAll("li[data-key]");
        Assert.Equal(9, lists.Length);
        Assert.Contains(lists, l => l.GetAttribute("data-count") != "0");
        foreach (var list in lists)
        {
            var sheet = await (await client.GetAsync($"/MyData/Sheet/{list.GetAttribute("data-key")}")).ReadHtmlAsync();
            Assert.Contains($"共 {int.Parse(list.GetAttribute("data-count")!):N0} 条", sheet.QuerySelector("#rows")!.TextContent);
        }
    }

    [Fact]
    public async Task Should_take_a_correction_request_audit_it_and_show_the_units_answer_to_the_trainee()
    {
        var text = "手机号应为 13800138000-" + Guid.NewGuid().ToString("N")[..6];
        var trainee = await app.SignInAsync(Trainee);

        using var sent = await trainee.PostFormAsync("/MyData", "/MyData?handler=Correction", new Dictionary<string, string> { ["Input.Text"] = text });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains(MyDataTexts.CorrectionSent, await (await trainee.GetAsync(sent.Headers.Location!.OriginalString)).TextAsync());
        var id = await app.WithDbAsync(db => db.CorrectionRequests.Where(r => r.Text == text).Select(r => r.Id).SingleAsync());
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.UserName == Trainee && a.Action == MyDataTexts.CorrectionRequestedAudit && a.Detail.StartsWith($"#{id}："))));

        var township = await app.SignInAsync(Infrastructure.Builders.DemoAccounts.Township);
        var version = await app.WithDbAsync(db => db.CorrectionRequests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        using var answered = await township.PostFormAsync("/Corrections", "/Corrections?handler=Answer", new Dictionary<string, string>
        {
            ["Input.Id"] = id.ToString(), ["Input.Version"] = version.ToString(), ["Input.Corrected"] = "false", ["Input.Reply"] = "名册中的手机号与本人提供的一致",
        });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var page = await (await trainee.GetAsync("/MyData")).ReadHtmlAsync();
        var corrections = page.QuerySelector("section[data-corrections]")!.TextContent;
        Assert.Contains(text, corrections);
        Assert.Contains("不予更正", corrections);
        Assert.Contains("名册中的手机号与本人提供的一致", corrections);
    }

    [Fact]
    public async Task Should_keep_the_page_and_say_what_to_write_when_the_request_is_empty()
    {
        var trainee = await app.SignInAsync(Trainee);
        var before = await app.WithDbAsync(db => db.CorrectionRequests.CountAsync());

        using var refused = await trainee.PostFormAsync("/MyData", "/MyData?handler=Correction", new Dictionary<string, string> { ["Input.Text"] = "   " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.ReadHtmlAsync();
        Assert.Contains("请填写需要更正的内容", page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector($"section[data-sheet='{MyDataTexts.PersonSheet}']"));
        Assert.Equal(before, await app.WithDbAsync(db => db.CorrectionRequests.CountAsync()));
    }
}
