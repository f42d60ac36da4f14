using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Demo;

namespace Training.Tests.Features.People.Corrections;

/// <summary>/Corrections (PIPL Art. 46): the units above a trainee's village answer its 更正申请, once, a refusal with its reason.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture app)
{
    private Task<int> RequestAsync(string text) => app.WithDbAsync(async db =>
    {
        var person = await db.Users.Where(u => u.UserName == DemoData.TraineeUserName).Select(u => u.Person!).SingleAsync();
        var request = new CorrectionRequest(person, text, DemoData.TraineeUserName, DateTime.UtcNow);
        db.CorrectionRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    });

    private Task<Dictionary<string, string>> AnswerAsync(int id, bool corrected, string reply = "") => app.WithDbAsync(async db =>
    {
        var version = await db.CorrectionRequests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
        return new Dictionary<string, string>
        {
            ["Input.Id"] = id.ToString(), ["Input.Version"] = version.ToString(), ["Input.Corrected"] = corrected ? "true" : "false", ["Input.Reply"] = reply,
        };
    });

    [Fact]
    public async Task Should_list_the_request_for_the_township_and_refuse_a_decline_without_its_reason_then_answer_once()
    {
        var text = "学历应为大专-" + Guid.NewGuid().ToString("N")[..6];
        var id = await RequestAsync(text);
        var township = await app.SignInAsync(DemoAccounts.Township);
        Assert.NotNull((await (await township.GetAsync("/Corrections")).ReadHtmlAsync()).QuerySelector($"[data-correction='{id}'][data-state='Open']"));

        var noReasonForm = await AnswerAsync(id, corrected: false);
        using var noReason = await township.PostFormAsync("/Corrections", "/Corrections?handler=Answer", noReasonForm);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("请填写不予更正的理由", await noReason.TextAsync());

        using var corrected = await township.PostFormAsync("/Corrections", "/Corrections?handler=Answer", await AnswerAsync(id, corrected: true, "已在名册中更正"));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        using var again = await township.PostFormAsync("/Corrections", "/Corrections?handler=Answer", await AnswerAsync(id, corrected: false, "重复"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        using var stale = await township.PostFormAsync("/Corrections", "/Corrections?handler=Answer", noReasonForm);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode); // the page seen before the answer: changed since

        var stored = await app.WithDbAsync(db => db.CorrectionRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((CorrectionState.Corrected, "已在名册中更正", DemoAccounts.Township), (stored.State, stored.Reply, stored.HandledBy));
    }

    [Fact]
    public async Task Should_not_show_or_answer_another_townships_request()
    {
        var id = await RequestAsync("别的镇看不到-" + Guid.NewGuid().ToString("N")[..6]);
        var other = await app.SignInAsync(DemoAccounts.OtherTownship);

        Assert.Null((await (await other.GetAsync("/Corrections")).ReadHtmlAsync()).QuerySelector($"[data-correction='{id}']"));
        using var refused = await other.PostFormAsync("/Corrections", "/Corrections?handler=Answer", await AnswerAsync(id, corrected: true));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(CorrectionState.Open, await app.WithDbAsync(db => db.CorrectionRequests.Where(r => r.Id == id).Select(r => r.State).SingleAsync()));
    }

    [Fact]
    public async Task Should_answer_the_pagers_htmx_request_with_the_requests_alone()
    {
        var township = await app.SignInAsync(DemoAccounts.Township);

        using var response = await township.GetAsHtmxAsync("/Corrections?p=1");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("共 ", html);
        Assert.DoesNotContain("<html", html);
        Assert.DoesNotContain("<h1>", html);
    }
}
