using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Web.Infrastructure.Web;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using static Training.Tests.Features.Degree.Apply.ApplyPages;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Degree.Apply;

/// <summary>The page /Apply/Details.</summary>
[Collection(AppCollection.Name)]
public sealed class DetailsTests(AppFixture appArg) : ApplyTestBase(appArg)
{
    [Fact]
    public async Task Should_refuse_to_submit_after_the_window_closed_saying_when_it_closed()
    {
        var closed = await app.CohortAsync(Today.AddDays(-60), Today.AddDays(-1));
        var trainee = await app.TraineeAsync();
        var id = await app.DraftAsync(trainee, closed.AssociateFeeId);
        var client = await app.SignInAsync(trainee);

        using var response = await StepAsync(client, id, "Submit");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"报名已于 {closed.ApplyTo:yyyy年M月d日} 截止", await response.TextAsync());
        Assert.Equal(EnrollmentState.Draft, (await app.EnrollmentStateAsync(id)).Value);
    }

    [Fact]
    public async Task Should_not_let_the_trainee_cancel_after_admission_and_show_the_tuition()
    {
        var cohort = await app.OpenCohortAsync();
        var trainee = await app.TraineeAsync();
        var client = await app.SignInAsync(trainee);
        var id = RedirectedId(await CreateAsync(client, cohort.AssociateFeeId));
        await StepAsync(client, id, "Submit");
        var today = Today;
        var split = new FeeSplit(9_000_00, 6_000_00, 1_500_00, 1_500_00);
        await app.OnEnrollmentAsync(id, e =>
        {
            e.ApproveByTownship("镇审核（测试）", "同意", today, DateTime.UtcNow);
            e.ApproveByDistrict("区审核（测试）", "同意", today, DateTime.UtcNow);
            e.Admit("市录取（测试）", "录取", split, 0, 100, today, DateTime.UtcNow);
            e.RecordPayment(PaymentKind.SelfPaid, 500_00, today, "R-001", "镇财务（测试）", today, DateTime.UtcNow);
        });

        var page = await (await client.GetAsync($"/Apply/Details/{id}")).ReadHtmlAsync();
        Assert.Equal(Money.Format(1_500_00), page.QuerySelector("[data-testid=owed]")!.TextContent.Trim());
        Assert.Equal(Money.Format(500_00), page.QuerySelector("[data-testid=paid]")!.TextContent.Trim());
        Assert.Equal(Money.Format(1_000_00), page.QuerySelector("[data-testid=outstanding]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("form[action*='handler=Cancel']"));

        var version = await app.WithDbAsync(db => db.Enrollments.Where(e => e.Id == id).Select(e => e.Version).SingleAsync());
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var forced = await client.PostAsync($"/Apply/Details/{id}?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Version"] = version.ToString(),
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forced.StatusCode);
        Assert.Equal(EnrollmentState.Admitted, (await app.EnrollmentStateAsync(id)).Value);
    }

    // ------------------------------------------------------------ scope

    [Theory]
    [InlineData("/Apply/Details/{0}")]
    [InlineData("/Apply/Form/{0}")]
    public async Task Should_not_find_another_trainees_application(string route)
    {
        var cohort = await app.OpenCohortAsync();
        var owner = await app.TraineeAsync();
        var ownerClient = await app.SignInAsync(owner);
        var id = RedirectedId(await CreateAsync(ownerClient, cohort.AssociateFeeId));
        var other = await app.TraineeAsync();
        var otherClient = await app.SignInAsync(other);

        using var mine = await ownerClient.GetAsync(string.Format(route, id));
        using var theirs = await otherClient.GetAsync(string.Format(route, id));

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.DoesNotContain(owner.Name, await theirs.Content.ReadAsStringAsync());

        // staff have their own pages for applications; the trainee's pages refuse them
        var township = await app.SignInAsync("township-440111103");
        using var staff = await township.GetAsync(string.Format(route, id));
        var location = staff.Headers.Location;
        Assert.NotNull(location);
        Assert.Equal("/Account/Denied", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
    }
}
