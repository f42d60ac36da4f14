using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Infrastructure.Modules;

namespace Training.Tests.Features.Home;

/// <summary>The page /Maintenance.</summary>
[Collection(AppCollection.Name)]
public sealed class MaintenanceTests(AppFixture app)
{
    [Fact]
    public async Task The_maintenance_page_lists_every_recurring_job_and_links_the_dashboard()
    {
        var client = await app.SignInAsync(DemoAccounts.SystemAdmin);

        using var response = await client.GetAsync("/Maintenance");
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.Body!.TextContent;
        Assert.Contains("statistics-nightly", text);
        Assert.Contains("exports-expiry", text);
        Assert.NotNull(page.QuerySelector("a[href='/hangfire']"));
    }

    [Fact]
    public async Task A_recurring_job_added_after_the_page_was_read_is_listed_within_two_seconds()
    {
        var client = await app.SignInAsync(DemoAccounts.SystemAdmin);
        using (var first = await client.GetAsync("/Maintenance")) Assert.DoesNotContain("maintenance-probe", await first.TextAsync());
        var jobs = app.Services.GetRequiredService<Hangfire.IRecurringJobManager>();
        Hangfire.RecurringJobManagerExtensions.AddOrUpdate(jobs, "maintenance-probe", () => Console.WriteLine("probe"), Hangfire.Cron.Yearly());
        try
        {
            await Task.Delay(Training.Web.Features.Home.RecurringJobsView.Freshness + TimeSpan.FromMilliseconds(200));

            using var again = await client.GetAsync("/Maintenance");
            Assert.Contains("maintenance-probe", await again.TextAsync());
        }
        finally { jobs.RemoveIfExists("maintenance-probe"); }
    }
}
