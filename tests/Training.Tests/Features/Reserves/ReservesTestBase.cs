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

    protected static Task<DrawnForm> DetailFormAsync(HttpClient client, int id, string step) =>
        client.DrawnFormAsync($"/Reserves/Detail?id={id}", $"form[data-step={step}]");

    protected static Task<DrawnForm> ListFormAsync(HttpClient client, string url, int id, string step) =>
        client.DrawnFormAsync(url, $"tr[data-id='{id}'] button[formaction]", b => b.GetAttribute("formaction")!.Contains($"step={step}", StringComparison.Ordinal));

    protected static async Task<HttpResponseMessage> StepAsync(HttpClient client, int id, string step, string comment, HttpStatusCode expect)
    {
        var form = await DetailFormAsync(client, id, step);
        var response = await client.PostAsync(form.Action, form.With(("Comment", comment)));
        if (response.StatusCode != expect)
            Assert.Fail($"{step} on {id}: expected {(int)expect}, got {(int)response.StatusCode}: {await response.TextAsync()}");
        return response;
    }
}
