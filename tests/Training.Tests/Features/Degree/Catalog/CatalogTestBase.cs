using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Degree.Catalog;

/// <summary>CityAdmin's 招生管理: schools, programs, cohorts, district quotas and fee schedules (PRODUCT.md §5, issue 4 item 1).</summary>
public abstract class CatalogTestBase(AppFixture appArg)
{
    protected readonly AppFixture app = appArg;

    /// <summary>Refused as the account is: the sign-in page for no session, 无权访问 for a role.</summary>
    protected static bool IsRefused(HttpResponseMessage response, string account) =>
        account == "anonymous" ? response.StatusCode == System.Net.HttpStatusCode.Unauthorized || Refusals.IsSentToLogin(response) : Refusals.IsRefused(response);

    // ---------------------------------------------------------------- helpers

    protected static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Where the page's (last) form posts to: a form without an action posts to the page's own URL.</summary>
    protected static async Task<string?> FormActionAsync(HttpClient client, string pageUrl)
    {
        using var page = await client.GetAsync(pageUrl);
        var form = (await page.ReadHtmlAsync()).QuerySelectorAll("main form[method=post]").LastOrDefault();
        return form is null ? null : form.GetAttribute("action") ?? pageUrl;
    }

    /// <summary>A year no cohort has: the demo data has 2012–2026 and other tests take theirs.</summary>
    protected Task<int> FreeYearAsync() =>
        app.WithDbAsync(async db =>
        {
            var taken = await db.Cohorts.Select(c => c.Year).ToListAsync();
            return Enumerable.Range(2040, 61).First(y => !taken.Contains(y));
        });

    /// <summary>
    /// A fresh cohort of its own. Its window lies in the past so that it never shows on a
    /// trainee's page and other tests' journeys see the demo cohorts only.
    /// </summary>
    protected async Task<int> CohortAsync(int cityQuota = 1000)
    {
        var year = await FreeYearAsync();
        return await app.WithDbAsync(async db =>
        {
            var cohort = Cohort.Create(year, $"{year}年测试批次", new DateOnly(2001, 3, 1), new DateOnly(2001, 3, 31), cityQuota);
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort.Id;
        });
    }

    protected async Task<(int CohortId, int ProgramId)> CohortWithOfferAsync()
    {
        var id = await CohortAsync();
        return await app.WithDbAsync(async db =>
        {
            var cohort = await db.Cohorts.Include(c => c.Fees).SingleAsync(c => c.Id == id);
            var program = await db.Programs.OrderBy(p => p.Id).FirstAsync();
            cohort.Offer(program, new FeeSplit(8_100_00, 5_600_00, 1_000_00, 1_500_00));
            await db.SaveChangesAsync();
            return (id, program.Id);
        });
    }
}
