using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Web.Infrastructure.Web;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Tests.Features.Reserves.Shadowing;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Reserves;

/// <summary>
/// The reserve candidate workflow over the pages and the real SQLite fixture: the village
/// recommends one of its persons, the township selects or declines, the district puts into the
/// pool or declines, then appoints or exits; each account only its own steps; two accounts
/// acting at once: one wins. Every test makes its own persons.
/// </summary>
public abstract class ReservesTestBase(AppFixture appArg)
{
    protected readonly AppFixture app = appArg;

    protected const string Village = DemoAccounts.Village;
    protected const string Township = DemoAccounts.Township;
    protected const string District = DemoAccounts.District;
    protected const string OwnVillage = TestPeople.OwnVillage;

    /// <summary>A pair for the reserve with a fresh mentor of the same village holding a committee post, optionally evaluated.</summary>
    protected async Task<(int Id, string MentorName)> PairAsync(int reserveId, int startDaysAgo, int? evaluatedDaysAgo = null)
    {
        var mentorId = await app.PersonAsync(OwnVillage, "后备测试");
        return await app.WithDbAsync(async db =>
        {
            var today = TimeProvider.System.Today();
            var reserve = await db.Reserves.Include(r => r.Person).Include(r => r.Village).SingleAsync(r => r.Id == reserveId);
            var mentor = await db.Persons.Include(p => p.Posts).SingleAsync(p => p.Id == mentorId);
            mentor.AddPost(reserve.Village, PostType.CommitteeMember, today.AddDays(-startDaysAgo - 100));
            var pair = MentorPair.Start(reserve, mentor, today.AddDays(-startDaysAgo), today.AddYears(1), "熟悉村务", "test-township", DateTime.UtcNow, []);
            if (evaluatedDaysAgo is { } ago) pair.Evaluate(today.AddDays(-ago), Rating.Good, "进步明显", "test-township", DateTime.UtcNow, today);
            db.MentorPairs.Add(pair);
            await db.SaveChangesAsync();
            return (pair.Id, mentor.Name);
        });
    }

    // ---------------------------------------------------------------- helpers

    internal static void AssertStep(ReserveTransition t, ReserveAction action, ReserveState? from, ReserveState to, string account, string comment)
    {
        Assert.Equal((action, from, to, comment), (t.Action, t.From, t.To, t.Comment));
        Assert.Contains(account, t.Actor);
    }

    protected Task<ReserveCandidate> LoadAsync(int id) =>
        app.WithDbAsync(db => db.Reserves.AsNoTracking().Include(r => r.Transitions).SingleAsync(r => r.Id == id));

    protected sealed record StepForm(string Action, string Token, string Version);

    protected static async Task<StepForm> DetailFormAsync(HttpClient client, int id, string step)
    {
        using var page = await client.GetAsync($"/Reserves/Detail?id={id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = (await page.ReadHtmlAsync()).QuerySelector($"form[data-step={step}]") as IHtmlFormElement;
        Assert.True(form is not null, $"/Reserves/Detail?id={id} 没有 {step} 表单。");
        return Read(form);
    }

    protected static async Task<StepForm> ListFormAsync(HttpClient client, string url, int id, string step)
    {
        using var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = (await page.ReadHtmlAsync()).QuerySelectorAll($"tr[data-id='{id}'] form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains($"step={step}", StringComparison.Ordinal));
        Assert.True(form is not null, $"{url} 没有第 {id} 号的 {step} 按钮。");
        return Read(form);
    }

    protected static StepForm Read(IHtmlFormElement form) => new(
        System.Net.WebUtility.HtmlDecode(form.GetAttribute("action")!),
        form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        form.QuerySelector("input[name=Version]")!.GetAttribute("value")!);

    protected static FormUrlEncodedContent Fields(StepForm form, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("Version", form.Version))
            .Append(new("__RequestVerificationToken", form.Token)));

    protected static async Task<HttpResponseMessage> StepAsync(HttpClient client, int id, string step, string comment, HttpStatusCode expect)
    {
        var form = await DetailFormAsync(client, id, step);
        var response = await client.PostAsync(form.Action, Fields(form, ("Comment", comment)));
        if (response.StatusCode != expect)
            Assert.Fail($"{step} on {id}: expected {(int)expect}, got {(int)response.StatusCode}: {await response.TextAsync()}");
        return response;
    }
}
