using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using static Training.Tests.Features.Classes.ClassPages;
using Training.Tests.Infrastructure.Builders;

using static Training.Tests.Infrastructure.Refusals;

namespace Training.Tests.Features.Classes;

/// <summary>The page /Classes/Create.</summary>
[Collection(AppCollection.Name)]
public sealed class CreateTests(AppFixture app)
{
    [Fact]
    public async Task Should_create_a_women_only_class_run_by_the_district_and_audit_it()
    {
        var name = "农村女干部培训班" + Guid.NewGuid().ToString("N")[..6];
        var district = await app.SignInAsync(District);

        using var response = await district.PostFormAsync("/Classes/Create", "/Classes/Create",
            Form(name, Today.AddDays(5), Today.AddDays(9), "25", nameof(Sex.Female), nameof(ClassAudience.CadresOrReserves), "75"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var c = await app.WithDbAsync(db => db.TrainingClasses.Include(x => x.Owner).SingleAsync(x => x.Name == name));
        Assert.Equal(("440111", Sex.Female, ClassAudience.CadresOrReserves, 25, 75), (c.Owner.Code, c.SexOnly, c.Audience, c.Capacity, c.CompletionPercent));
        Assert.Equal($"/Classes/Details/{c.Id}", response.Headers.Location?.OriginalString);
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "新建培训班" && a.Detail.Contains(name))));
        var details = await PageAsync(district, $"/Classes/Details/{c.Id}");
        Assert.Equal("仅限女性两委干部或后备干部", details.QuerySelector("[data-testid=audience]")?.TextContent);
    }

    [Fact]
    public async Task Should_offer_the_default_completion_percent_on_a_new_class()
    {
        var page = await PageAsync(await app.SignInAsync(City), "/Classes/Create");

        Assert.Equal(TrainingClass.DefaultCompletionPercent.ToString(), page.QuerySelector("input[name='Input.CompletionPercent']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Should_keep_what_was_typed_when_the_class_ends_before_it_starts()
    {
        var name = "日期有误的班" + Guid.NewGuid().ToString("N")[..6];

        using var response = await (await app.SignInAsync(District)).PostFormAsync("/Classes/Create", "/Classes/Create",
            Form(name, Today.AddDays(9), Today.AddDays(5)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("结束日期不能早于开始日期", page.Body!.TextContent);
        Assert.Equal(name, page.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.TrainingClasses.AnyAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task Should_say_in_chinese_when_the_capacity_is_not_a_number()
    {
        using var response = await (await app.SignInAsync(District)).PostFormAsync("/Classes/Create", "/Classes/Create",
            Form("人数有误的班", Today, Today.AddDays(3), capacity: "三十"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("人数上限应为整数", page.Body!.TextContent);
        Assert.Equal("三十", page.QuerySelector("input[name='Input.Capacity']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Should_refuse_the_create_form_to_township_and_village_staff()
    {
        foreach (var account in new[] { Township, Village })
        {
            using var response = await (await app.SignInAsync(account)).GetAsync("/Classes/Create");
            AssertRefused(response);
        }
    }
}
