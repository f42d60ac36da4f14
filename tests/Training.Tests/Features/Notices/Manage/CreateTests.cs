using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Notices.Manage;

/// <summary>The page /Notices/Manage/Create: a draft of the account's own unit, audited; a wrong field answered beside it.</summary>
[Collection(AppCollection.Name)]
public sealed class CreateTests(AppFixture app)
{
    [Fact]
    public async Task Should_save_a_draft_of_the_district_and_audit_it()
    {
        var title = "开班通知" + Guid.NewGuid().ToString("N")[..6];
        var district = await app.SignInAsync(DemoAccounts.District);

        using var response = await district.PostFormAsync("/Notices/Manage/Create", "/Notices/Manage/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Category"] = nameof(NoticeCategory.Training), ["Input.Body"] = "请按时参加。",
            ["Input.Pinned"] = "true", ["Input.ExpiresOn"] = TestPeople.Today.AddDays(30).ToString("yyyy-MM-dd"),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var n = await app.WithDbAsync(db => db.Notices.Include(x => x.Owner).SingleAsync(x => x.Title == title));
        Assert.Equal(("440111", NoticeState.Draft, true), (n.Owner.Code, n.State, n.Pinned));
        Assert.Equal($"/Notices/Manage/Edit/{n.Id}", response.Headers.Location?.OriginalString);
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "新建通知" && a.Detail.Contains(title))));
    }

    [Fact]
    public async Task Should_answer_a_missing_category_and_a_past_expiry_with_422_keeping_the_text()
    {
        var district = await app.SignInAsync(DemoAccounts.District);

        using var noCategory = await district.PostFormAsync("/Notices/Manage/Create", "/Notices/Manage/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = "标题甲", ["Input.Category"] = "", ["Input.Body"] = "正文",
        });
        using var past = await district.PostFormAsync("/Notices/Manage/Create", "/Notices/Manage/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = "标题乙", ["Input.Category"] = nameof(NoticeCategory.Other), ["Input.Body"] = "正文",
            ["Input.ExpiresOn"] = TestPeople.Today.AddDays(-1).ToString("yyyy-MM-dd"),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noCategory.StatusCode);
        Assert.Contains("请选择类别", await noCategory.TextAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        Assert.Contains("截止日期不能早于今天", await past.TextAsync());
        Assert.Equal("标题乙", (await past.ReadHtmlAsync()).QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));
    }
}
