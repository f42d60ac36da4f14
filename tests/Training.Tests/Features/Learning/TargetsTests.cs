using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Learning;

/// <summary>The page /Learning/Targets: CityAdmin's yearly targets, the national defaults until set.</summary>
[Collection(AppCollection.Name)]
public sealed class TargetsTests(AppFixture app)
{
    private static Dictionary<string, string> Form(string cadre, string cadreRequired) => new()
    {
        ["Hours[TwoCommitteeCadre]"] = cadre, ["Required[TwoCommitteeCadre]"] = cadreRequired,
        ["Hours[Reserve]"] = "50", ["Required[Reserve]"] = "25", ["Hours[PartyMember]"] = "32", ["Required[PartyMember]"] = "16",
    };

    [Fact]
    public async Task Should_show_the_defaults_then_keep_the_citys_target_and_audit_it()
    {
        const int year = 2025; // a year no other test sets
        var city = await app.SignInAsync(DemoAccounts.City);
        var page = await (await city.GetAsync($"/Learning/Targets?year={year}")).ReadHtmlAsync();
        Assert.Equal("56", page.QuerySelector("input[name='Hours[TwoCommitteeCadre]']")?.GetAttribute("value"));

        using var response = await city.PostFormAsync($"/Learning/Targets?year={year}", $"/Learning/Targets?year={year}", Form("60", "40"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var t = await app.WithDbAsync(db => db.StudyTargets.SingleAsync(x => x.Year == year && x.Category == TargetCategory.TwoCommitteeCadre));
        Assert.Equal((60m, 40m), (t.Hours, t.RequiredHours));
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "设置年度学时目标" && a.Detail.Contains("两委干部 60"))));
    }

    [Theory]
    [InlineData("五十六", "28")]
    [InlineData("56", "60")]
    public async Task Should_refuse_what_is_not_a_target_and_keep_the_form(string hours, string required)
    {
        const int year = 2024;
        var city = await app.SignInAsync(DemoAccounts.City);

        using var response = await city.PostFormAsync($"/Learning/Targets?year={year}", $"/Learning/Targets?year={year}", Form(hours, required));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.StudyTargets.AnyAsync(x => x.Year == year)));
    }
}
