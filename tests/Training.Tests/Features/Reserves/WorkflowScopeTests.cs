using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;

using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Reserves;

/// <summary>A reserve candidate's page and steps only inside the account's scope: outside, 404 and nothing changes.</summary>
[Collection(AppCollection.Name)]
public sealed class WorkflowScopeTests(AppFixture app)
{
    public static readonly TheoryData<string, string, HttpStatusCode> DetailScope = new()
    {
        { DemoAccounts.Village, "440111103201", HttpStatusCode.OK },
        { DemoAccounts.Village, "440111103202", HttpStatusCode.NotFound },   // another village of the same township
        { DemoAccounts.Township, "440111103201", HttpStatusCode.OK },
        { DemoAccounts.Township, "another-township", HttpStatusCode.NotFound }, // another township of the same district
        { DemoAccounts.Township, "440103", HttpStatusCode.NotFound },
        { DemoAccounts.District, "440111103201", HttpStatusCode.OK },
        { DemoAccounts.District, "440103", HttpStatusCode.NotFound },
        { "district-440103", "440111103201", HttpStatusCode.NotFound },
        { "city", "440103", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(DetailScope))]
    public async Task Should_open_a_candidate_only_inside_the_scope(string account, string where, HttpStatusCode expected)
    {
        var id = await app.CandidateAsync(await VillageCodeAsync(where));
        var name = await app.WithDbAsync(db => db.Reserves.Where(r => r.Id == id).Select(r => r.Person.Name).SingleAsync());
        var client = await app.SignInAsync(account);

        using var response = await client.GetAsync($"/Reserves/Detail?id={id}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.NotFound) Assert.DoesNotContain(name, await response.TextAsync());
        else Assert.Contains(name, await response.TextAsync());
        using var list = await client.GetAsync("/Reserves?Q=" + Uri.EscapeDataString(name));
        Assert.Equal(expected == HttpStatusCode.OK, (await list.TextAsync()).Contains(name));
    }

    [Fact]
    public async Task Should_answer_404_to_a_step_on_a_candidate_of_another_township_and_change_nothing()
    {
        var id = await app.CandidateAsync(await VillageCodeAsync("another-township"));
        var version = await app.WithDbAsync(db => db.Reserves.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        var township = await app.SignInAsync(DemoAccounts.Township);

        using var response = await township.PostFormAsync("/Reserves", $"/Reserves/Detail?id={id}&step=Select",
            new Dictionary<string, string> { ["Version"] = version.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ReserveState.Recommended, await app.WithDbAsync(db => db.Reserves.Where(r => r.Id == id).Select(r => r.State).SingleAsync()));
    }

    [Fact]
    public async Task Should_answer_404_to_a_village_withdrawing_another_villages_recommendation()
    {
        var id = await app.CandidateAsync("440111103202");
        var version = await app.WithDbAsync(db => db.Reserves.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        var village = await app.SignInAsync(DemoAccounts.Village);

        using var response = await village.PostFormAsync("/Reserves", $"/Reserves/Detail?id={id}&step=Withdraw",
            new Dictionary<string, string> { ["Version"] = version.ToString(), ["Comment"] = "越权撤回" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ReserveState.Recommended, await app.WithDbAsync(db => db.Reserves.Where(r => r.Id == id).Select(r => r.State).SingleAsync()));
    }

    /// <summary>A village code: itself when 12 digits, else the first village under the prefix; "another-township": a village of 440111 outside 440111103.</summary>
    private Task<string> VillageCodeAsync(string where) =>
        where.Length == 12
            ? Task.FromResult(where)
            : app.WithDbAsync(db =>
            {
                var villages = db.OrgUnits.Where(u => u.Level == OrgLevel.Village);
                villages = where == "another-township"
                    ? villages.Where(u => u.Code.StartsWith("440111") && !u.Code.StartsWith("440111103"))
                    : villages.Where(u => u.Code.StartsWith(where));
                return villages.OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
            });
}
