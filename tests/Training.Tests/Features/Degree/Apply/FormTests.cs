using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Web.Infrastructure.Web;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using static Training.Tests.Features.Degree.Apply.ApplyPages;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Degree.Apply;

/// <summary>The page /Apply/Form.</summary>
[Collection(AppCollection.Name)]
public sealed class FormTests(AppFixture appArg) : ApplyTestBase(appArg)
{
    [Fact]
    public async Task Should_print_the_application_form_with_the_full_id_number_for_its_owner()
    {
        var cohort = await app.OpenCohortAsync();
        var trainee = await app.TraineeAsync();
        var client = await app.SignInAsync(trainee);
        var id = RedirectedId(await CreateAsync(client, cohort.AssociateFeeId));

        using var response = await client.GetAsync($"/Apply/Form/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal(trainee.IdNumber, page.QuerySelector("[data-testid=form-id-number]")!.TextContent.Trim());
        Assert.Equal(trainee.Name, page.QuerySelector("[data-testid=form-name]")!.TextContent.Trim());
        var boxes = page.QuerySelector("[data-testid=signature-boxes]")!.TextContent;
        Assert.Contains("村（社区）党组织推荐意见", boxes);
        Assert.Contains("镇（街）组织办审核意见", boxes);
        Assert.Contains("区委组织部审核意见", boxes);
        Assert.Contains(page.QuerySelectorAll("link[rel=stylesheet]"),
            l => (l.GetAttribute("href") ?? "").StartsWith("/css/print.css") && l.GetAttribute("media") == "print");
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }
}
