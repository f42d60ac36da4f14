using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure.Modules;

namespace Training.Tests.Features.Home;

/// <summary>The page /Maintenance.</summary>
[Collection(AppCollection.Name)]
public sealed class MaintenanceTests(AppFixture app)
{
    [Fact]
    public async Task The_maintenance_page_lists_every_recurring_job_and_links_the_dashboard()
    {
        var client = await app.SignInAsync("city");

        using var response = await client.GetAsync("/Maintenance");
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.Body!.TextContent;
        Assert.Contains("statistics-nightly", text);
        Assert.Contains("exports-expiry", text);
        Assert.NotNull(page.QuerySelector("a[href='/hangfire']"));
    }
}
