using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using static Training.Tests.Infrastructure.Refusals;

namespace Training.Tests.Features.Learning.Offline;

/// <summary>The page /Learning/Offline/Add/{personId}, and reversing what it added on the person's 学时 page.</summary>
[Collection(AppCollection.Name)]
public sealed class AddTests(AppFixture appArg) : OfflineTestBase(appArg)
{
    private static Dictionary<string, string> Form(DateOnly on, string hours, string required, string title, string organizer = "白云区委组织部") => new()
    {
        ["Input.On"] = on.ToString("yyyy-MM-dd"), ["Input.Hours"] = hours, ["Input.Required"] = required,
        ["Input.Title"] = title, ["Input.Organizer"] = organizer,
    };

    [Fact]
    public async Task Should_credit_the_entry_name_who_added_it_audit_it_and_refuse_the_same_training_twice()
    {
        var (personId, _) = await CadreAsync();
        var client = await app.SignInAsync(DemoAccounts.District);
        var url = $"/Learning/Offline/Add/{personId}";
        var title = Title("基层治理专题培训");

        using var added = await client.PostFormAsync(url, url, Form(Past, "7.5", "true", title));
        using var again = await client.PostFormAsync(url, url, Form(Past, "4", "false", " " + title));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.StartsWith($"/Learning/Ledger/{personId}", added.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("已登记过", await again.TextAsync());
        Assert.Equal(new Stored(1, 1, 7.5m), await StoredAsync(personId));
        var record = await app.WithDbAsync(db => db.OfflineStudy.SingleAsync(r => r.PersonId == personId));
        Assert.Null(record.ImportRunId);
        Assert.EndsWith($"（{DemoAccounts.District}）", record.RecordedBy);
        var entry = await app.WithDbAsync(db => db.StudyLedger.SingleAsync(e => e.PersonId == personId));
        Assert.Equal((StudySource.Offline, (int?)record.Id, true, Past), (entry.Source, entry.SourceId, entry.Required, entry.On));
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.UserName == DemoAccounts.District && a.Action == "登记线下学时" && a.Detail.Contains(title))));
        using var ledger = await client.GetAsync($"/Learning/Ledger/{personId}?Year={Past.Year}");
        Assert.Contains(title, await ledger.TextAsync());
    }

    [Theory]
    [InlineData("0.3", "true", "学时", "不符合要求")]
    [InlineData("四", "true", "学时", "应为数字")]
    [InlineData("4", "", "类别", "请选择类别")]
    [InlineData("4", "true", "日期", "晚于今天")]
    public async Task Should_refuse_a_bad_entry_with_its_message_and_credit_nothing(string hours, string required, string field, string message)
    {
        var (personId, _) = await CadreAsync();
        var url = $"/Learning/Offline/Add/{personId}";
        var on = field == "日期" ? TestPeople.Today.AddDays(1) : Past;

        using var response = await (await app.SignInAsync(DemoAccounts.City)).PostFormAsync(url, url, Form(on, hours, required, Title()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await response.TextAsync());
        Assert.Equal(new Stored(0, 0, 0m), await StoredAsync(personId));
    }

    [Fact]
    public async Task Should_not_find_another_districts_person_and_refuse_townships()
    {
        var (other, _) = await CadreAsync(await OtherDistrictVillageAsync());
        var (own, _) = await CadreAsync();

        using var district = await (await app.SignInAsync(DemoAccounts.District)).GetAsync($"/Learning/Offline/Add/{other}");
        using var township = await (await app.SignInAsync(DemoAccounts.Township)).GetAsync($"/Learning/Offline/Add/{own}");
        using var ledger = await (await app.SignInAsync(DemoAccounts.Township)).GetAsync($"/Learning/Ledger/{own}");

        Assert.Equal(HttpStatusCode.NotFound, district.StatusCode);
        AssertRefused(township);
        Assert.Null((await ledger.ReadHtmlAsync()).QuerySelector("[data-testid=add-offline]"));
    }

    [Fact]
    public async Task Should_reverse_an_offline_entry_only_with_a_reason_once_and_audit_it_with_the_training()
    {
        var (personId, _) = await CadreAsync();
        var district = await app.SignInAsync(DemoAccounts.District);
        var add = $"/Learning/Offline/Add/{personId}";
        var title = Title("村务公开业务培训");
        using (var added = await district.PostFormAsync(add, add, Form(Past, "4", "false", title)))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var entryId = await app.WithDbAsync(db => db.StudyLedger.Where(e => e.PersonId == personId).Select(e => e.Id).SingleAsync());
        var township = await app.SignInAsync(DemoAccounts.Township);
        var url = $"/Learning/Ledger/{personId}?Year={Past.Year}";
        var post = $"/Learning/Ledger/{personId}?handler=Reverse";
        Dictionary<string, string> Reverse(string reason) => new() { ["EntryId"] = entryId.ToString(), ["Reason"] = reason };

        using var noReason = await township.PostFormAsync(url, post, Reverse(""));
        using var first = await township.PostFormAsync(url, post, Reverse("重复登记"));
        using var second = await township.PostFormAsync(url, post, Reverse("再冲一次"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("须填写原因", await noReason.TextAsync());
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal(new Stored(1, 2, 0m), await StoredAsync(personId));
        var audit = await app.WithDbAsync(db => db.Audit.Where(a => a.Action == "冲销学时" && a.Detail.Contains(title)).Select(a => a.Detail).SingleAsync());
        Assert.Contains("重复登记", audit);
    }
}
