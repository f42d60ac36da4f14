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
    public async Task Should_show_the_trainee_every_kind_of_data_held_about_it_with_its_own_full_ID_number_and_sign_ins()
    {
        var client = await app.SignInAsync(Trainee);
        var idNumber = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == Trainee).Select(u => u.Person!.IdNumber).SingleAsync());

        var page = await (await client.GetAsync("/MyData")).ReadHtmlAsync();

        string[] expected = [MyDataTexts.AccountSheet, MyDataTexts.PersonSheet, MyDataTexts.PostsSheet, MyDataTexts.EducationSheet, MyDataTexts.EnrollmentsSheet,
            MyDataTexts.ReservesSheet, MyDataTexts.ClassesSheet, MyDataTexts.HoursSheet, MyDataTexts.CertificatesSheet, MyDataTexts.TrailSheet, MyDataTexts.CorrectionsSheet];
        Assert.Equal(expected, page.QuerySelectorAll("section[data-sheet]").Select(s => s.GetAttribute("data-sheet")));
        Assert.Contains(idNumber, page.QuerySelector($"section[data-sheet='{MyDataTexts.PersonSheet}']")!.TextContent);
        Assert.Contains(Trainee, page.QuerySelector($"section[data-sheet='{MyDataTexts.AccountSheet}']")!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll($"section[data-sheet='{MyDataTexts.TrailSheet}'] tbody tr"));
    }

    [Fact]
    public async Task Should_show_the_first_rows_of_a_long_sheet_with_the_count_of_all_of_them()
    {
        await app.WithDbAsync(db =>
        {
            for (var i = 0; i < IndexModel.RowsShown + 5; i++) db.Audit.Add(new AuditEntry(Trainee, "测试", $"第 {i} 条", DateTime.UtcNow));
            return db.SaveChangesAsync();
        });
        var client = await app.SignInAsync(Trainee);

        var page = await (await client.GetAsync("/MyData")).ReadHtmlAsync();

        var total = await app.WithDbAsync(db => db.Audit.CountAsync(a => a.UserName == Trainee));
        var trail = page.QuerySelector($"section[data-sheet='{MyDataTexts.TrailSheet}']")!;
        Assert.Equal(IndexModel.RowsShown, trail.QuerySelectorAll("tbody tr").Length);
        Assert.Contains($"（{total:N0} 条）", trail.QuerySelector("h2")!.TextContent);
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
        var corrections = page.QuerySelector($"section[data-sheet='{MyDataTexts.CorrectionsSheet}']")!.TextContent;
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
