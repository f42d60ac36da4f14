using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Features.Degree.Enrollments;
using Training.Tests.Infrastructure;

using Training.Tests.Infrastructure.Builders;

// Not "…Features.Degree.School": that namespace would hide Training.Core.Domain.School in the other test folders.
namespace Training.Tests.Features.Degree.Registrar;

/// <summary>The page /School.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture appArg) : RegistrarTestBase(appArg)
{
    [Fact]
    public async Task Should_not_let_a_registrar_see_or_act_on_another_schools_enrollment()
    {
        var e = await app.AdmittedAsync(atFirstSchool: false);
        var client = await app.SignInAsync("school-1");

        using var details = await client.GetAsync(DetailsUrl(e.EnrollmentId));
        using var list = await client.GetAsync("/School?q=" + Uri.EscapeDataString(e.Name));
        using var graduate = await client.PostFormAsync("/School", $"{DetailsUrl(e.EnrollmentId)}?handler=Graduate",
            new Dictionary<string, string>(Graduation("2025-07-01")) { ["Version"] = Guid.Empty.ToString() });
        using var withdraw = await client.PostFormAsync("/School", $"{DetailsUrl(e.EnrollmentId)}?handler=Withdraw",
            new Dictionary<string, string> { ["Withdrawal.On"] = "2023-05-10", ["Withdrawal.Reason"] = "x", ["Version"] = Guid.Empty.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        Assert.DoesNotContain(e.Name, await details.TextAsync());
        Assert.Empty((await list.ReadHtmlAsync()).QuerySelectorAll("[data-enrollment-id]"));
        Assert.Equal(HttpStatusCode.NotFound, graduate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal(EnrollmentState.Admitted, (await StoredAsync(e.EnrollmentId)).State);
    }

    [Fact]
    public async Task Should_list_the_own_schools_enrollments_found_by_name()
    {
        var e = await app.AdmittedAsync();
        var client = await app.SignInAsync("school-1");

        using var list = await client.GetAsync($"/School?q={Uri.EscapeDataString(e.Name)}&year={TestEnrollments.Year}&state=Admitted");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var ids = (await list.ReadHtmlAsync()).QuerySelectorAll("[data-enrollment-id]").Select(r => r.GetAttribute("data-enrollment-id")).ToList();
        Assert.Equal([e.EnrollmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)], ids);
    }
}
