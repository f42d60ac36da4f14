using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Learning.Home;
using Training.Web.Features.Learning.Reports;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Tests.Infrastructure;
using Training.Web.Features.Degree.Home;
using Training.Web.Features.Notices.Home;
using Training.Web.Features.People.Home;
using Training.Web.Features.Reserves.Home;
using Training.Web.Infrastructure.Modules;

namespace Training.Tests.Features.Home;

/// <summary>The page /.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture app)
{
    public static TheoryData<string, string[]> Accounts => new()
    {
        { "trainee-demo", [nameof(LearnerCard), nameof(LatestNoticesCard), nameof(TraineeFactsCard), nameof(TraineeStudyCard)] },
        { "village-440111103201", [nameof(LatestNoticesCard), nameof(UnitFactsCard), nameof(OverdueCard), nameof(ReservesTodoCard)] },
        { "township-440111103", Reviewer },
        { "district-440111", Reviewer },
        { "city", [.. Reviewer.Where(c => c != nameof(AccountsCard))] }, // accounts are the system administrator's (issue 16 §4)
        { "school-1", [nameof(SchoolCard)] },
        { "sysadmin", [nameof(AccountsCard)] },
        { "auditor", [nameof(Training.Web.Features.Audit.Home.AuditCard)] },
    };

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Should_draw_exactly_the_cards_the_roles_permissions_allow_in_their_order(string account, string[] expected)
    {
        var role = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == account).Select(u => u.Role).SingleAsync());
        var declared = app.Services.GetRequiredService<ModuleCatalog>().HomeCardsFor(role).Select(c => c.Component.Name);
        Assert.Equal(expected, declared);

        var client = await app.SignInAsync(account);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var cards = (await home.ReadHtmlAsync()).QuerySelectorAll("main [data-card]").ToList();

        Assert.Equal(expected, cards.Select(c => c.GetAttribute("data-card")));
        Assert.All(cards, c => Assert.False(string.IsNullOrWhiteSpace(c.TextContent), $"{c.GetAttribute("data-card")} 没有内容"));
    }

    [Fact]
    public async Task Should_show_the_village_its_reserve_work_but_no_reviews_or_accounts()
    {
        var client = await app.SignInAsync("village-440111103201");

        var page = await (await client.GetAsync("/")).ReadHtmlAsync();

        Assert.Null(page.QuerySelector("[data-testid=reviews-waiting]"));
        Assert.Null(page.QuerySelector("[data-testid=accounts]"));
        Assert.Null(page.QuerySelector("[data-testid=candidates-waiting]"));
        Assert.Contains("1:2", page.QuerySelector($"[data-card={nameof(ReservesTodoCard)}]")!.TextContent);
    }

    [Fact]
    public async Task Should_show_the_school_its_own_counts_and_no_staff_cards()
    {
        var counts = await app.WithDbAsync(async db =>
        {
            var school = await db.Users.Where(u => u.UserName == "school-1").Select(u => u.SchoolId).SingleAsync();
            var mine = db.Enrollments.Where(e => e.Program.SchoolId == school);
            return (InStudy: await mine.CountAsync(e => e.State == EnrollmentState.Admitted),
                Graduated: await mine.CountAsync(e => e.State == EnrollmentState.Graduated));
        });
        var client = await app.SignInAsync("school-1");

        var page = await (await client.GetAsync("/")).ReadHtmlAsync();

        Assert.Equal(counts.InStudy.ToString(), page.QuerySelector("[data-testid=school-counts] [data-testid=in-study]")?.TextContent);
        Assert.Equal(counts.Graduated.ToString(), page.QuerySelector("[data-testid=school-counts] [data-testid=graduated]")?.TextContent);
        Assert.Equal("/School?state=Admitted", page.QuerySelector("[data-card=SchoolCard] a")?.GetAttribute("href"));
        Assert.Null(page.QuerySelector("[data-testid=reviews-waiting]"));
        Assert.Null(page.QuerySelector("[data-testid=trainee-name]"));
    }

    [Fact]
    public async Task Should_show_the_trainee_its_record_and_study_but_no_staff_cards()
    {
        var client = await app.SignInAsync("trainee-demo");

        var page = await (await client.GetAsync("/")).ReadHtmlAsync();

        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-testid=trainee-name]")?.TextContent));
        Assert.Contains("我的学历教育", page.QuerySelector($"[data-card={nameof(TraineeStudyCard)}]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=reviews-waiting]"));
        Assert.Null(page.QuerySelector("[data-testid=pairs-overdue]"));
        Assert.Null(page.QuerySelector("[data-testid=accounts]"));
    }

    [Fact]
    public async Task Should_show_the_trainee_its_corrected_name_at_once_after_the_home_was_opened()
    {
        var trainee = await app.TraineeAsync();
        var client = await app.SignInAsync(trainee);
        using (var before = await client.GetAsync("/")) // the card is kept from here
            Assert.Equal(trainee.Name, (await before.ReadHtmlAsync()).QuerySelector("[data-testid=trainee-name]")?.TextContent);

        await app.WithDbAsync(async db =>
        {
            var person = await db.Persons.SingleAsync(p => p.Id == trainee.PersonId);
            person.UpdateContact(trainee.Name + "（更正）", person.Phone, person.PoliticalStatus);
            return await db.SaveChangesAsync();
        });

        using var after = await client.GetAsync("/");
        Assert.Equal(trainee.Name + "（更正）", (await after.ReadHtmlAsync()).QuerySelector("[data-testid=trainee-name]")?.TextContent);
    }

    [Fact]
    public async Task Should_count_a_staff_account_created_after_the_home_page_was_read_at_once()
    {
        var client = await app.SignInAsync("district-440111");
        static async Task<int> AccountsAsync(HttpClient client)
        {
            using var home = await client.GetAsync("/"); // the count is kept from the first read
            var text = (await home.ReadHtmlAsync()).QuerySelector("[data-testid=accounts] a")!.TextContent;
            return int.Parse(System.Text.RegularExpressions.Regex.Match(text, @"[\d,]+").Value.Replace(",", ""));
        }
        var before = await AccountsAsync(client);

        await app.CreateStaffAsync("440111103201", "Str0ng!pass-12");

        Assert.Equal(before + 1, await AccountsAsync(client));
    }

    [Fact]
    public async Task Should_draw_no_cards_for_an_account_bound_to_nothing_and_say_whom_to_ask()
    {
        const string password = "Str0ng!pass-12";
        var userName = "unbound-" + Guid.NewGuid().ToString("N")[..8];
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName, DisplayName = "未绑定", Role = Roles.VillageStaff, LockoutEnabled = true, CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.VillageStaff);
        }
        var client = await app.SignInAsync(userName, password);

        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var page = await home.ReadHtmlAsync();
        Assert.Empty(page.QuerySelectorAll("main [data-card]"));
        Assert.Contains("尚未绑定单位或人员", page.QuerySelector("main")!.TextContent);
    }

    private static readonly string[] Reviewer = [nameof(LatestNoticesCard), nameof(UnitFactsCard), nameof(ReviewsWaitingCard), nameof(OverdueCard), nameof(ReservesTodoCard), nameof(AccountsCard)];
}
