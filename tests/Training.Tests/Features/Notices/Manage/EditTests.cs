using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Notices.Manage;

/// <summary>The page /Notices/Manage/Edit/{id}: saving, attachments, publishing and withdrawing, by the publishing unit only.</summary>
[Collection(AppCollection.Name)]
public sealed class EditTests(AppFixture app)
{
    private static string Url(int id) => $"/Notices/Manage/Edit/{id}";

    private async Task<Guid> VersionAsync(int id) => await app.WithDbAsync(db => db.Notices.Where(n => n.Id == id).Select(n => n.Version).SingleAsync());

    private Task<NoticeState> StateAsync(int id) => app.WithDbAsync(db => db.Notices.Where(n => n.Id == id).Select(n => n.State).SingleAsync());

    [Fact]
    public async Task Should_publish_a_draft_then_withdraw_it_each_audited()
    {
        var n = await app.NoticeAsync(ownerCode: "440111", state: NoticeState.Draft);
        var district = await app.SignInAsync(DemoAccounts.District);
        var reader = await app.SignInAsync("trainee-demo");

        using (var published = await district.PostFormAsync(Url(n.Id), Url(n.Id) + "?handler=Publish",
            new Dictionary<string, string> { ["Version"] = (await VersionAsync(n.Id)).ToString() }))
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        using var seen = await reader.GetAsync($"/Notices/Details/{n.Id}");
        using (var withdrawn = await district.PostFormAsync(Url(n.Id), Url(n.Id) + "?handler=Withdraw",
            new Dictionary<string, string> { ["Version"] = (await VersionAsync(n.Id)).ToString() }))
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        using var gone = await reader.GetAsync($"/Notices/Details/{n.Id}");

        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(NoticeState.Withdrawn, await StateAsync(n.Id));
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "撤回通知" && a.Detail.Contains(n.Title))));
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "发布通知" && a.Detail.Contains(n.Title))));
    }

    [Fact]
    public async Task Should_ask_for_confirmation_before_withdrawing()
    {
        var n = await app.NoticeAsync(ownerCode: "440111");

        using var page = await (await app.SignInAsync(DemoAccounts.District)).GetAsync(Url(n.Id));
        var form = (await page.ReadHtmlAsync()).QuerySelector("form[action*='handler=Withdraw']");

        Assert.False(string.IsNullOrEmpty(form?.GetAttribute("data-confirm")));
    }

    [Fact]
    public async Task Should_let_only_the_publishing_unit_edit()
    {
        var city = await app.NoticeAsync();
        var baiyun = await app.NoticeAsync(ownerCode: "440111");
        var district = await app.SignInAsync(DemoAccounts.District);
        var other = await app.SignInAsync(DemoAccounts.OtherDistrict);
        var fields = new Dictionary<string, string>
        {
            ["Version"] = (await VersionAsync(baiyun.Id)).ToString(), ["Input.Title"] = "改过的标题", ["Input.Category"] = nameof(NoticeCategory.Other), ["Input.Body"] = "改过",
            ["__RequestVerificationToken"] = await other.TokenAsync("/Notices/Manage/Create"),
        };

        using var citysPage = await district.GetAsync(Url(city.Id));
        using var othersPage = await other.GetAsync(Url(baiyun.Id));
        using var othersPost = await other.PostAsync(Url(baiyun.Id), new FormUrlEncodedContent(fields));
        using var othersWithdraw = await other.PostAsync(Url(baiyun.Id) + "?handler=Withdraw", new FormUrlEncodedContent(fields));
        using var reader = await (await app.SignInAsync("trainee-demo")).GetAsync(Url(baiyun.Id));

        Refusals.AssertRefused(citysPage);
        Assert.Equal(HttpStatusCode.NotFound, othersPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, othersPost.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, othersWithdraw.StatusCode);
        Refusals.AssertRefused(reader);
        var stored = await app.WithDbAsync(db => db.Notices.SingleAsync(x => x.Id == baiyun.Id));
        Assert.Equal((baiyun.Title, NoticeState.Published), (stored.Title, stored.State));
    }

    [Fact]
    public async Task Should_save_changes_at_the_version_seen_and_refuse_a_stale_one()
    {
        var n = await app.NoticeAsync(ownerCode: "440111");
        var district = await app.SignInAsync(DemoAccounts.District);
        var seen = await VersionAsync(n.Id);
        Dictionary<string, string> Fields(string title) => new()
        {
            ["Version"] = seen.ToString(), ["Input.Title"] = title, ["Input.Category"] = nameof(NoticeCategory.Policy), ["Input.Body"] = "新正文",
        };

        using var saved = await district.PostFormAsync(Url(n.Id), Url(n.Id), Fields(n.Title + "（更新）"));
        using var stale = await district.PostFormAsync(Url(n.Id), Url(n.Id), Fields("过时的修改"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(n.Title + "（更新）", await app.WithDbAsync(db => db.Notices.Where(x => x.Id == n.Id).Select(x => x.Title).SingleAsync()));
    }

    [Fact]
    public async Task Should_attach_a_pdf_and_refuse_a_file_that_is_not_what_its_name_says()
    {
        var n = await app.NoticeAsync(ownerCode: "440111", state: NoticeState.Draft);
        var district = await app.SignInAsync(DemoAccounts.District);

        async Task<HttpResponseMessage> UploadAsync(string name, byte[] bytes)
        {
            var token = await district.TokenAsync(Url(n.Id));
            using var content = new MultipartFormDataContent
            {
                { new StringContent((await VersionAsync(n.Id)).ToString()), "Version" },
                { new StringContent(token), "__RequestVerificationToken" },
                { new ByteArrayContent(bytes), "upload", name },
            };
            return await district.PostAsync(Url(n.Id) + "?handler=Attach", content);
        }

        using var pdf = await UploadAsync("通知附件.pdf", TestMedia.Pdf(1));
        using var fake = await UploadAsync("假的.docx", TestMedia.Pdf(1));
        using var exe = await UploadAsync("程序.exe", [0x4D, 0x5A, 0, 0, 0, 0, 0, 0, 0]);

        Assert.Equal(HttpStatusCode.Redirect, pdf.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fake.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, exe.StatusCode);
        Assert.Contains("附件只能是", await exe.TextAsync());
        var files = await app.WithDbAsync(db => db.NoticeAttachments.Where(a => a.NoticeId == n.Id).Select(a => a.FileName).ToListAsync());
        Assert.Equal(["通知附件.pdf"], files);
    }
}
