using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Identity;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure.Modules;

namespace Training.Tests.Http;

/// <summary>
/// Walks every page of the app as every demo account and as an anonymous visitor, against
/// the table below. Scope is not a menu item (HOUSE-STYLE rule 7): a page that a role may
/// not open must refuse it whatever the menu shows, and a record outside the account's
/// scope must not be found. A new page fails <see cref="Every_page_is_in_the_walk_table"/>
/// until it is added here with who may open it.
/// </summary>
[Collection(AppCollection.Name)]
public partial class PageWalkTests(AppFixture app)
{
    [Flags]
    public enum Who
    {
        None = 0,
        Anonymous = 1,
        Trainee = 2,
        Village = 4,
        Township = 8,
        District = 16,
        City = 32,
        School = 64,
        SystemAdmin = 128,
        Auditor = 256,
        OrgStaff = Village | Township | District | City,
        SignedIn = Trainee | OrgStaff | School | SystemAdmin | Auditor,
        Everyone = Anonymous | SignedIn,
    }

    public enum Walk
    {
        /// <summary>GET as everyone: 200 for <see cref="Rule.Allowed"/>, refused for the others.</summary>
        Get,
        /// <summary>Has a route parameter: covered by the scope tests of this class, not by the walk.</summary>
        ByScopeTests,
        /// <summary>GET must never act (e.g. sign out); only a POST with the antiforgery token does.</summary>
        PostOnly,
    }

    /// <param name="Route">The page's route as the app maps it, parameters as <c>{name}</c> without constraints.</param>
    /// <param name="Allowed">Who gets 200: for pages, read from the permission the page requires (the roles that hold it), never written here.</param>
    /// <param name="MayRedirect">Who may get either 200 or a redirect elsewhere (e.g. the sign-in page when already signed in).</param>
    /// <param name="IsPage">false for endpoints that are not Razor Pages (Hangfire, health).</param>
    public sealed record Rule(string Route, Who Allowed = Who.None, Who MayRedirect = Who.None, Walk Walk = Walk.Get, bool IsPage = true);

    /// <summary>巡检表: every page and how to walk it; who may GET a page comes from its permission, everyone else is refused.</summary>
    public static readonly Rule[] Table =
    [
        new("/"),
        new("/Org"),
        new("/Persons"),
        new("/Persons/Details/{id}", Walk: Walk.ByScopeTests),
        new("/Apply"),
        new("/Apply/Mine"),
        new("/Apply/Details/{id}", Walk: Walk.ByScopeTests), // another trainee's: ApplyTests
        new("/Apply/Form/{id}", Walk: Walk.ByScopeTests),
        new("/Admin/Users"),
        new("/Admin/Users/Create"),
        new("/Admin/Users/Edit/{id}", Walk: Walk.ByScopeTests),
        new("/Reviews"),
        new("/Reviews/Details/{id}", Walk: Walk.ByScopeTests),
        new("/Enrollments"),
        new("/Enrollments/Details/{id}", Walk: Walk.ByScopeTests),
        new("/Enrollments/Totals"),
        new("/Statistics"),
        new("/Classes/Attendance/{id}", Walk: Walk.ByScopeTests), // another district's session → 404, a township refused: Features/Classes/AttendanceTests
        new("/Classes/Mine"),
        new("/Reserves"),
        new("/Reserves/Detail", Walk: Walk.ByScopeTests), // needs ?id=: Features/Reserves/WorkflowScopeTests (another township's or district's candidate → 404)
        new("/Shadowing"),
        new("/Shadowing/New"), // ?reserveId= outside the scope → 404: Features/Shadowing/ShadowingPagesTests
        new("/Shadowing/Detail", Walk: Walk.ByScopeTests), // needs ?id=: Features/Shadowing/ShadowingPagesTests (another township's or district's record → 404)
        new("/Reserves/Coverage"), // ?unit= / ?township= outside the scope: CoverageScope tests
        new("/Classes"),
        new("/Classes/Create"),
        new("/Classes/Details/{id}", Walk: Walk.ByScopeTests), // another district's class → 404: Features/Classes/DetailsTests
        new("/Classes/Edit/{id}", Walk: Walk.ByScopeTests), // another unit's or a city class for a district → 404: Features/Classes/EditTests
        new("/Classes/Conditions/{id}", Walk: Walk.ByScopeTests), // another district → 404, a township refused: Features/Classes/ConditionsTests
        new("/Reserves/Coverage/KeyPosts"), // another district's township or village: CoverageKeyPostsTests
        new("/Mentoring"),
        new("/Mentoring/New"), // ?reserveId= of another township → 404: Features/Mentoring/MentoringTests
        new("/Mentoring/Detail", Walk: Walk.ByScopeTests), // needs ?id=: Features/Mentoring/MentoringTests (another township's or district's pair → 404)
        new("/Statistics/People", Walk: Walk.ByScopeTests), // needs ?figure=: StatisticsScope below
        new("/Statistics/Export"), // another district's report: ExportTests
        new("/Exports"),
        new("/Exports/Download", Walk: Walk.ByScopeTests), // needs ?id=: another account's run is 404 in ExportsPageTests
        new("/School"),
        new("/School/Details/{id}", Walk: Walk.ByScopeTests),
        new("/Import"),
        new("/Import/Graduation"),
        new("/Import/Run", Walk: Walk.ByScopeTests), // needs ?id=: ImportPagesTests (another school's or a roster run → 404)
        new("/Import/Errors", Walk: Walk.ByScopeTests),
        new("/Catalog"),
        new("/Catalog/Cohorts/Create"),
        new("/Catalog/Cohorts/Details/{id}", Walk: Walk.ByScopeTests), // other roles: CatalogTests
        new("/Catalog/Cohorts/Edit/{id}", Walk: Walk.ByScopeTests),
        new("/Catalog/Cohorts/Quotas/{id}", Walk: Walk.ByScopeTests),
        new("/Catalog/Cohorts/Fee/{id}", Walk: Walk.ByScopeTests),
        new("/Catalog/Schools"),
        new("/Catalog/Schools/Details/{id}", Walk: Walk.ByScopeTests),
        new("/Catalog/Schools/Program/{id}", Walk: Walk.ByScopeTests),
        new("/Learning/Courses"),
        new("/Learning/Courses/Create"),
        new("/Learning/Courses/Details/{id}", Walk: Walk.ByScopeTests), // another unit's course → 403 or 404: Features/Learning/Courses/DetailsTests
        new("/Learning/Courses/Edit/{id}", Walk: Walk.ByScopeTests),
        new("/Learning/Courses/Lessons/Text/{courseId}", Walk: Walk.ByScopeTests), // Features/Learning/Courses/Lessons/*Tests
        new("/Learning/Courses/Lessons/Upload/{courseId}", Walk: Walk.ByScopeTests),
        new("/Learning/Courses/Lessons/Link/{courseId}", Walk: Walk.ByScopeTests),
        new("/Learning/Courses/Lessons/Edit/{id}", Walk: Walk.ByScopeTests),
        new("/Learning/Courses/Lessons/Quiz/{courseId}", Walk: Walk.ByScopeTests),
        new("/Learning/Courses/Quiz/Bank/{courseId}", Walk: Walk.ByScopeTests), // Features/Learning/Courses/Quiz/BankTests
        new("/Learning/Study/Quiz/{id}", Walk: Walk.ByScopeTests), // another learner's attempt → 404: Features/Learning/Study/QuizTests
        new("/Learning/Courses/Quiz/Import/{courseId}", Walk: Walk.ByScopeTests), // Features/Learning/Courses/Quiz/ImportTests
        new("/Learning/Study"),
        new("/Learning/Study/Course/{id}", Walk: Walk.ByScopeTests), // a draft or another district's course → 404: Features/Learning/Study/CourseTests
        new("/Learning/Study/Lesson/{id}", Walk: Walk.ByScopeTests),
        new("/Learning/Media/File/{id}", Walk: Walk.ByScopeTests), // Features/Learning/Media/FileTests
        new("/Learning/Assignments"),
        new("/Learning/Assignments/Create"),
        new("/Learning/Assignments/Details/{id}", Walk: Walk.ByScopeTests), // another district's → 404: Features/Learning/Assignments/DetailsTests
        new("/Learning/Hours"),
        new("/Learning/Targets"),
        new("/Learning/Ledger/{id}", Walk: Walk.ByScopeTests), // another township's person → 404: Features/Learning/LedgerTests
        new("/Learning/Heartbeat", Walk: Walk.PostOnly), // the player's POST: Features/Learning/HeartbeatTests
        new("/Certificates/Class/{id}", Walk: Walk.ByScopeTests), // another district's class → 404, a city class read-only for a district: Features/Certificates/ClassTests
        new("/Certificates/Download", Walk: Walk.ByScopeTests), // needs an id: another trainee's certificate → 404: Features/Certificates/DownloadTests
        new("/Verify", Walk: Walk.ByScopeTests), // needs a code; anonymous, a wrong one → 404: Features/Certificates/Verify/IndexTests
        new("/Notices"),
        new("/Notices/Details/{id}", Walk: Walk.ByScopeTests), // another district's notice → 404: Features/Notices/DetailsTests
        new("/Notices/Attachment/{id}", Walk: Walk.ByScopeTests), // outside the notice's scope → 404: Features/Notices/AttachmentTests
        new("/Notices/Manage"),
        new("/Notices/Manage/Create"),
        new("/Notices/Manage/Edit/{id}", Walk: Walk.ByScopeTests), // the city's → 403, another district's → 404: Features/Notices/Manage/EditTests
        new("/Learning/Reports"), // ?unit= outside the scope → 404: Features/Learning/Reports/IndexTests
        new("/Learning/Reports/People", Walk: Walk.ByScopeTests), // needs ?figure= or ?assignment=: Features/Learning/Reports/PeopleTests
        new("/Account/Login", MayRedirect: Who.SignedIn),
        new("/Account/Register", MayRedirect: Who.SignedIn),
        new("/Account/Denied"),
        new("/Account/Recover"),
        new("/Account/ChangePassword"),
        new("/Account/SignInCode", Walk: Walk.ByScopeTests), // only between a right password and the code, else → the sign-in: Features/People/Account/SignInCodeTests
        new("/Account/TwoFactor"),
        new("/Account/TwoFactor/Setup", MayRedirect: Who.District | Who.City | Who.SystemAdmin | Who.Auditor), // set up already (the demo's required roles) → /Account/TwoFactor
        new("/Account/Logout", Walk: Walk.PostOnly),
        new("/Audit"),
        new("/Audit/Export"),
        new("/Audit/Chain"),
        new("/MyData"),
        new("/MyData/Download"),
        new("/MyData/Sheet/{key}", Walk: Walk.ByScopeTests), // needs a list's key, an unknown one → 404; only the trainee's own rows: Features/People/MyData/SheetTests
        new("/Corrections"),
        new("/Error"),
        new("/Menu"),
        new("/Maintenance"),
        new("/Learning/Offline"),
        new("/Learning/Offline/Add/{personId}", Walk: Walk.ByScopeTests), // another district's person → 404, a township refused: Features/Learning/Offline/AddTests
        new("/hangfire", Who.SystemAdmin, IsPage: false),
        new("/health/live", Who.Everyone, IsPage: false),
        new("/health/ready", Who.Everyone, IsPage: false),
    ];

    public static readonly TheoryData<string> Accounts = new()
    {
        "anonymous", "city", "district-440103", "district-440111", "township-440103001", "township-440111103",
        "village-440111103201", "school-1", "trainee-demo", "sysadmin", "auditor",
    };

    /// <summary>The role of a demo account (by its name).</summary>
    internal static Who RoleOf(string account) => account switch
    {
        "anonymous" => Who.Anonymous,
        "city" => Who.City,
        "school-1" => Who.School,
        "trainee-demo" => Who.Trainee,
        "sysadmin" => Who.SystemAdmin,
        "auditor" => Who.Auditor,
        _ when account.StartsWith("district-", StringComparison.Ordinal) => Who.District,
        _ when account.StartsWith("township-", StringComparison.Ordinal) => Who.Township,
        _ when account.StartsWith("village-", StringComparison.Ordinal) => Who.Village,
        _ => throw new ArgumentException($"Unknown demo account {account}."),
    };

    private Task<HttpClient> ClientFor(string account) =>
        account == "anonymous" ? Task.FromResult(app.Anonymous()) : app.SignInAsync(account);

    // ---------------------------------------------------------------- the table itself

    [Fact]
    public void Every_page_is_in_the_walk_table()
    {
        var known = Table.Select(r => r.Route).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = PageRoutes().Where(r => !known.Contains(r)).ToList();

        Assert.True(missing.Count == 0,
            string.Join("\n", missing.Select(r => $"新页面 {r} 必须加入巡检表（PageWalkTests.Table：谁可以打开它）。")));
    }

    [Fact]
    public void Every_page_in_the_walk_table_exists()
    {
        var pages = PageRoutes().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var stale = Table.Where(r => r.IsPage && !pages.Contains(r.Route)).Select(r => r.Route).ToList();

        Assert.True(stale.Count == 0,
            "巡检表中的页面在应用中不存在（尚未实现，或已改名/删除，请同步巡检表）：" + string.Join(", ", stale));
    }

    private Who AllowedByPermission(string route) => AppPages.AllowedByPermission(app.Services, route);

    private IReadOnlyList<string> PageRoutes() => AppPages.Routes(app.Services);

    // ---------------------------------------------------------------- the walk

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Should_answer_every_page_as_the_walk_table_says(string account)
    {
        var who = RoleOf(account);
        var client = await ClientFor(account);
        var failures = new List<string>();

        // Account pages last and the POST-only ones at the very end: if one of them wrongly
        // ends the session, it must not turn every later line of the walk red.
        var walk = Table.Where(r => r.Walk != Walk.ByScopeTests)
            .OrderBy(r => r.Walk == Walk.PostOnly)
            .ThenBy(r => r.Route.StartsWith("/Account", StringComparison.OrdinalIgnoreCase));

        foreach (var declared in walk)
        {
            var rule = declared.IsPage ? declared with { Allowed = AllowedByPermission(declared.Route) } : declared;
            using var response = await client.GetAsync(rule.Route);
            var outcome = Classify(response);
            var problem = rule.Walk == Walk.PostOnly
                ? await PostOnlyProblemAsync(client, who, outcome)
                : Judge(rule, who, outcome);
            if (problem is not null) failures.Add($"GET {rule.Route} 作为 {account}：{problem}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string? Judge(Rule rule, Who who, Outcome outcome)
    {
        if (outcome.Kind == OutcomeKind.Unexpected) return $"意外的应答 {outcome}";
        if (rule.Allowed.HasFlag(who))
        {
            if (outcome.Kind == OutcomeKind.Ok) return null;
            if (rule.MayRedirect.HasFlag(who) && outcome.Kind == OutcomeKind.Redirected) return null;
            return $"应允许（200），实际 {outcome}";
        }
        if (rule.MayRedirect.HasFlag(who))
            return outcome.Kind is OutcomeKind.Ok or OutcomeKind.Redirected ? null : $"应为 200 或跳转，实际 {outcome}";
        return outcome.Kind is OutcomeKind.Challenged or OutcomeKind.Denied
            ? null
            : $"应拒绝（跳转到 /Account/Login 或 /Account/Denied，或 401/403），实际 {outcome}";
    }

    /// <summary>A GET must not act: answer anything but an error, and leave a signed-in user signed in.</summary>
    private static async Task<string?> PostOnlyProblemAsync(HttpClient client, Who who, Outcome outcome)
    {
        if (outcome.Status >= 500) return $"意外的应答 {outcome}";
        if (who == Who.Anonymous) return null;
        using var home = await client.GetAsync("/");
        return home.StatusCode == HttpStatusCode.OK ? null : $"GET 不应退出登录，之后 GET / 得到 {Classify(home)}";
    }

    public enum OutcomeKind { Ok, Challenged, Denied, Redirected, Unexpected }

    public sealed record Outcome(OutcomeKind Kind, int Status, string? Location)
    {
        public override string ToString() => Location is null ? $"{Status}" : $"{Status} → {Location}";
    }

    internal static Outcome Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString;
        var path = location is null ? null
            : response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath
            : location.Split('?')[0];
        var kind = status switch
        {
            200 => OutcomeKind.Ok,
            401 => OutcomeKind.Challenged,
            403 => OutcomeKind.Denied,
            >= 300 and < 400 when string.Equals(path, "/Account/Login", StringComparison.OrdinalIgnoreCase) => OutcomeKind.Challenged,
            >= 300 and < 400 when string.Equals(path, "/Account/Denied", StringComparison.OrdinalIgnoreCase) => OutcomeKind.Denied,
            >= 300 and < 400 when location is not null => OutcomeKind.Redirected,
            _ => OutcomeKind.Unexpected,
        };
        return new Outcome(kind, status, location);
    }

    [Fact]
    public async Task Should_sign_out_only_by_POST_with_the_antiforgery_token()
    {
        var client = await app.SignInAsync("village-440111103201");

        using (var get = await client.GetAsync("/Account/Logout"))
            Assert.True((int)get.StatusCode < 500, $"GET /Account/Logout answered {(int)get.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        using (var forged = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([])))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var token = await LogoutTokenAsync(client);
        using (var post = await client.PostAsync("/Account/Logout",
                   new FormUrlEncodedContent([new("__RequestVerificationToken", token)])))
            Assert.True((int)post.StatusCode is >= 300 and < 400, $"POST /Account/Logout answered {(int)post.StatusCode}");
        Assert.Equal(OutcomeKind.Challenged, Classify(await client.GetAsync("/")).Kind);
    }

    /// <summary>The token of the sign-out form in the layout: without it, clicking 退出登录 would answer 400.</summary>
    private static async Task<string> LogoutTokenAsync(HttpClient client)
    {
        using var home = await client.GetAsync("/");
        var form = (await home.ReadHtmlAsync()).QuerySelectorAll("form")
            .FirstOrDefault(f => (f.GetAttribute("action") ?? "").EndsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase));
        Assert.True(form is not null, "首页（布局）中没有 POST 到 /Account/Logout 的退出登录表单。");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.True(token is not null,
            "退出登录表单没有防伪令牌 __RequestVerificationToken：点“退出登录”会得到 400。" +
            "（表单写了 action 属性时 FormTagHelper 默认不加令牌，需 asp-page 或 asp-antiforgery=\"true\"。）");
        return token;
    }

    // ---------------------------------------------------------------- scope

    private sealed record PersonRef(int Id, int VillageId, string Name, string VillageCode);

    /// <summary>The first person (by id) of a village whose code starts with <paramref name="prefix"/> and not with <paramref name="notPrefix"/>.</summary>
    private Task<PersonRef> PersonAsync(string prefix, string? notPrefix = null, int? notPersonId = null) =>
        app.WithDbAsync(async db =>
        {
            var persons = db.Persons.AsNoTracking().Where(p => p.Village.Code.StartsWith(prefix));
            if (notPrefix is not null) persons = persons.Where(p => !p.Village.Code.StartsWith(notPrefix));
            if (notPersonId is not null) persons = persons.Where(p => p.Id != notPersonId);
            return await persons.OrderBy(p => p.Id)
                       .Select(p => new PersonRef(p.Id, p.VillageId, p.Name, p.Village.Code))
                       .FirstOrDefaultAsync()
                   ?? throw new InvalidOperationException($"演示数据中没有村代码以 {prefix} 开头{(notPrefix is null ? "" : $"、不以 {notPrefix} 开头")}的人员。");
        });

    private Task<PersonRef> TraineePersonAsync() =>
        app.WithDbAsync(async db =>
        {
            var personId = await db.Users.Where(u => u.UserName == "trainee-demo").Select(u => u.PersonId).SingleAsync()
                           ?? throw new InvalidOperationException("trainee-demo 未绑定人员。");
            return await db.Persons.AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new PersonRef(p.Id, p.VillageId, p.Name, p.Village.Code)).SingleAsync();
        });

    /// <summary>What a reader sees: Razor writes CJK characters as entities, so the raw HTML never contains a name.</summary>
    private static async Task<string> TextOfAsync(HttpResponseMessage response) =>
        (await response.ReadHtmlAsync()).Body?.TextContent ?? "";

    private Task<int> UnitIdAsync(string code) =>
        app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private Task<string> UserIdAsync(string userName) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public static readonly TheoryData<string, string, string?> OutOfScope = new()
    {
        { "district-440111", "440103", null },
        { "district-440103", "440111", null },
        { "township-440111103", "440103", null },
        { "township-440111103", "440111", "440111103" },         // another township of the same district
        { "township-440103001", "440103", "440103001" },
        { "village-440111103201", "440103", null },
        { "village-440111103201", "440111103", "440111103201" }, // another village of the same township
        { "trainee-demo", "440111103", "440111103201" },         // someone of another village
    };

    [Theory]
    [MemberData(nameof(OutOfScope))]
    public async Task Should_not_find_a_person_outside_the_scope(string account, string prefix, string? notPrefix)
    {
        var other = await PersonAsync(prefix, notPrefix);
        var client = await ClientFor(account);

        using var details = await client.GetAsync($"/Persons/Details/{other.Id}");
        Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        Assert.DoesNotContain(other.Name, await TextOfAsync(details));

        using var unit = await client.GetAsync($"/Org?id={other.VillageId}");
        if (RoleOf(account) == Who.Trainee)
            Assert.NotEqual(HttpStatusCode.OK, unit.StatusCode);
        else
            Assert.Equal(HttpStatusCode.NotFound, unit.StatusCode);
    }

    [Fact]
    public async Task Should_not_show_a_trainee_another_person_of_the_same_village()
    {
        var own = await TraineePersonAsync();
        var neighbour = await PersonAsync(own.VillageCode, notPersonId: own.Id);
        var client = await app.SignInAsync("trainee-demo");

        using var response = await client.GetAsync($"/Persons/Details/{neighbour.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Should_show_a_trainee_its_own_person()
    {
        var own = await TraineePersonAsync();
        var client = await app.SignInAsync("trainee-demo");

        using var response = await client.GetAsync($"/Persons/Details/{own.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(own.Name, await TextOfAsync(response));
    }

    public static readonly TheoryData<string, string> InScope = new()
    {
        { "city", "440103" },
        { "city", "440111103201" },
        { "district-440103", "440103" },
        { "district-440111", "440111" },
        { "township-440103001", "440103001" },
        { "township-440111103", "440111103" },
        { "village-440111103201", "440111103201" },
    };

    [Theory]
    [MemberData(nameof(InScope))]
    public async Task Should_show_a_person_and_a_village_inside_the_scope(string account, string prefix)
    {
        var person = await PersonAsync(prefix);
        var client = await app.SignInAsync(account);

        using var details = await client.GetAsync($"/Persons/Details/{person.Id}");
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        Assert.Contains(person.Name, await TextOfAsync(details));

        using var unit = await client.GetAsync($"/Org?id={person.VillageId}");
        Assert.Equal(HttpStatusCode.OK, unit.StatusCode);
    }

    public static readonly TheoryData<string, string> UnitsAbove = new()
    {
        { "district-440111", "440100" },
        { "township-440111103", "440111" },
        { "township-440111103", "440100" },
        { "village-440111103201", "440111103" },
    };

    [Theory]
    [MemberData(nameof(UnitsAbove))]
    public async Task Should_not_show_a_unit_above_the_scope(string account, string code)
    {
        var unitId = await UnitIdAsync(code);
        var client = await app.SignInAsync(account);

        using var response = await client.GetAsync($"/Org?id={unitId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public static readonly TheoryData<string, string, HttpStatusCode> AccountEdits = new()
    {
        { "sysadmin", "district-440111", HttpStatusCode.OK },
        { "sysadmin", "city", HttpStatusCode.OK },
        { "sysadmin", "trainee-demo", HttpStatusCode.OK },
        { "sysadmin", "auditor", HttpStatusCode.NotFound },                   // the separated duties: command line only
        { "city", "district-440111", HttpStatusCode.Forbidden },              // accounts are the system administrator's now
        { "auditor", "district-440111", HttpStatusCode.Forbidden },
        { "district-440111", "township-440111103", HttpStatusCode.OK },
        { "district-440111", "village-440111103201", HttpStatusCode.OK },
        { "township-440111103", "village-440111103201", HttpStatusCode.OK },
        { "district-440111", "township-440103001", HttpStatusCode.NotFound },
        { "district-440103", "township-440111103", HttpStatusCode.NotFound },
        { "township-440103001", "village-440111103201", HttpStatusCode.NotFound },
        { "township-440111103", "district-440111", HttpStatusCode.NotFound }, // above its own unit
        { "district-440111", "city", HttpStatusCode.NotFound },
        { "village-440111103201", "village-440111103201", HttpStatusCode.Forbidden }, // no account administration at all
    };

    [Theory]
    [MemberData(nameof(AccountEdits))]
    public async Task Should_edit_only_accounts_inside_the_scope(string account, string target, HttpStatusCode expected)
    {
        var userId = await UserIdAsync(target);
        var client = await app.SignInAsync(account);

        using var response = await client.GetAsync($"/Admin/Users/Edit/{userId}");
        var outcome = Classify(response);

        if (expected == HttpStatusCode.Forbidden)
            Assert.True(outcome.Kind == OutcomeKind.Denied, $"应拒绝，实际 {outcome}");
        else
            Assert.Equal(expected, response.StatusCode);
    }

    // ---------------------------------------------------------------- enrollments after admission

    public static readonly TheoryData<string, string, string?, HttpStatusCode> EnrollmentScope = new()
    {
        { "district-440111", "440103", null, HttpStatusCode.NotFound },
        { "district-440111", "440111", null, HttpStatusCode.OK },
        { "district-440103", "440111", null, HttpStatusCode.NotFound },
        { "township-440111103", "440111", "440111103", HttpStatusCode.NotFound },
        { "township-440111103", "440111103", null, HttpStatusCode.OK },
        { "city", "440103", null, HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(EnrollmentScope))]
    public async Task Should_open_an_enrollment_only_inside_the_scope(string account, string prefix, string? notPrefix, HttpStatusCode expected)
    {
        var enrollment = await app.WithDbAsync(async db =>
        {
            var enrollments = db.Enrollments.AsNoTracking().Where(e => e.Village.Code.StartsWith(prefix)
                && (e.State == Training.Core.Domain.EnrollmentState.Admitted || e.State == Training.Core.Domain.EnrollmentState.Graduated
                    || e.State == Training.Core.Domain.EnrollmentState.Withdrawn));
            if (notPrefix is not null) enrollments = enrollments.Where(e => !e.Village.Code.StartsWith(notPrefix));
            return await enrollments.OrderBy(e => e.Id).Select(e => new { e.Id, e.Person.Name }).FirstAsync();
        });
        var client = await app.SignInAsync(account);

        using var response = await client.GetAsync($"/Enrollments/Details/{enrollment.Id}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.NotFound) Assert.DoesNotContain(enrollment.Name, await TextOfAsync(response));
        else Assert.Contains(enrollment.Name, await TextOfAsync(response));
    }

    [Theory]
    [InlineData(true, HttpStatusCode.OK)]
    [InlineData(false, HttpStatusCode.NotFound)]
    public async Task Should_open_an_enrollment_for_a_registrar_only_at_its_own_school(bool ownSchool, HttpStatusCode expected)
    {
        var enrollment = await app.WithDbAsync(async db =>
        {
            var schoolId = await db.Users.Where(u => u.UserName == "school-1").Select(u => u.SchoolId).SingleAsync();
            return await db.Enrollments.AsNoTracking()
                .Where(e => (e.Program.SchoolId == schoolId) == ownSchool && e.State == Training.Core.Domain.EnrollmentState.Admitted)
                .OrderBy(e => e.Id).Select(e => new { e.Id, e.Person.Name }).FirstAsync();
        });
        var client = await app.SignInAsync("school-1");

        using var response = await client.GetAsync($"/School/Details/{enrollment.Id}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.NotFound) Assert.DoesNotContain(enrollment.Name, await TextOfAsync(response));
        else Assert.Contains(enrollment.Name, await TextOfAsync(response));
    }

    // ---------------------------------------------------------------- review of applications

    public static readonly TheoryData<string, string, string?, HttpStatusCode> ReviewScope = new()
    {
        { "district-440111", "440103", null, HttpStatusCode.NotFound },
        { "district-440111", "440111", null, HttpStatusCode.OK },
        { "township-440111103", "440111", "440111103", HttpStatusCode.NotFound }, // another township of the same district
        { "township-440111103", "440103", null, HttpStatusCode.NotFound },
        { "township-440111103", "440111103", null, HttpStatusCode.OK },
        { "city", "440103", null, HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(ReviewScope))]
    public async Task Should_open_an_application_for_review_only_inside_the_scope(string account, string prefix, string? notPrefix, HttpStatusCode expected)
    {
        var enrollment = await app.WithDbAsync(async db =>
        {
            var enrollments = db.Enrollments.AsNoTracking().Where(e => e.Village.Code.StartsWith(prefix));
            if (notPrefix is not null) enrollments = enrollments.Where(e => !e.Village.Code.StartsWith(notPrefix));
            return await enrollments.OrderBy(e => e.Id).Select(e => new { e.Id, e.Person.Name }).FirstAsync();
        });
        var client = await app.SignInAsync(account);

        using var response = await client.GetAsync($"/Reviews/Details/{enrollment.Id}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.NotFound) Assert.DoesNotContain(enrollment.Name, await TextOfAsync(response));
        else Assert.Contains(enrollment.Name, await TextOfAsync(response));
    }

    // ---------------------------------------------------------------- statistics dashboards and drill-down

    public static readonly TheoryData<string, string, HttpStatusCode> StatisticsScope = new()
    {
        { "district-440111", "440103", HttpStatusCode.NotFound },
        { "district-440111", "440103001", HttpStatusCode.NotFound },
        { "district-440111", "440100", HttpStatusCode.NotFound },             // above its own unit
        { "district-440103", "440111", HttpStatusCode.NotFound },
        { "township-440111103", "440111", HttpStatusCode.NotFound },
        { "township-440111103", "440111002", HttpStatusCode.NotFound },       // another township of the same district
        { "village-440111103201", "440111103", HttpStatusCode.NotFound },
        { "district-440111", "440111103", HttpStatusCode.OK },
        { "township-440111103", "440111103201", HttpStatusCode.OK },
        { "city", "440103", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(StatisticsScope))]
    public async Task Should_open_statistics_only_for_units_inside_the_scope(string account, string code, HttpStatusCode expected)
    {
        var unitId = await UnitIdAsync(code);
        var client = await app.SignInAsync(account);

        using var dashboard = await client.GetAsync($"/Statistics?unit={unitId}");
        Assert.Equal(expected, dashboard.StatusCode);

        if (expected == HttpStatusCode.NotFound)
        {
            using var people = await client.GetAsync($"/Statistics/People?figure=TwoCommitteeCadres&unit={unitId}&asOf=2019-12-31");
            Assert.Equal(HttpStatusCode.NotFound, people.StatusCode);
        }
    }

    // ---------------------------------------------------------------- the persons list

    [Fact]
    public async Task Should_list_only_persons_of_the_township_when_searching()
    {
        var inScope = await PersonAsync("440111103");
        var outOfScope = await PersonAsync("440103");
        var client = await app.SignInAsync("township-440111103");

        foreach (var q in new[] { inScope.Name, inScope.Name[..1], outOfScope.Name })
        {
            using var response = await client.GetAsync("/Persons?q=" + Uri.EscapeDataString(q));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var codes = (await response.ReadHtmlAsync()).QuerySelectorAll("[data-village-code]")
                .Select(e => e.GetAttribute("data-village-code") ?? "").ToList();

            Assert.All(codes, code => Assert.StartsWith("440111103", code));
            if (q == inScope.Name) Assert.NotEmpty(codes);
        }
    }

    [Fact]
    public async Task Should_serve_the_persons_list_as_a_fragment_to_htmx_and_as_a_page_otherwise()
    {
        var client = await app.SignInAsync("township-440111103");

        using var fragment = await client.GetAsHtmxAsync("/Persons");
        using var page = await client.GetAsync("/Persons");

        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("<html", await fragment.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(fragment.Headers.Vary, v => v.Equals("HX-Request", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(page.Headers.Vary, v => v.Equals("HX-Request", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("township-440111103", "440111103")]
    [InlineData("village-440111103201", "440111103201")]
    public async Task Should_mask_ID_numbers_and_phones_in_the_persons_list(string account, string prefix)
    {
        var someone = await PersonAsync(prefix);
        var client = await app.SignInAsync(account);

        foreach (var url in new[] { "/Persons", "/Persons?q=" + Uri.EscapeDataString(someone.Name) })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WithoutTokens(await response.ReadHtmlAsync());

            var id = FullIdNumber().Match(html);
            Assert.False(id.Success, $"{url} 作为 {account} 显示了完整身份证号：{id.Value}");
            var phone = FullPhone().Match(html);
            Assert.False(phone.Success, $"{url} 作为 {account} 显示了完整手机号：{phone.Value}");
        }
    }

    /// <summary>The page without antiforgery tokens, whose random text could look like anything.</summary>
    private static string WithoutTokens(IHtmlDocument document)
    {
        foreach (var input in document.QuerySelectorAll("input[name=__RequestVerificationToken]").ToList()) input.Remove();
        foreach (var meta in document.QuerySelectorAll("meta[name=htmx-config]").ToList()) meta.Remove();
        return document.DocumentElement.OuterHtml;
    }

    [GeneratedRegex(@"\d{17}[\dX]")]
    private static partial Regex FullIdNumber();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex FullPhone();
}
