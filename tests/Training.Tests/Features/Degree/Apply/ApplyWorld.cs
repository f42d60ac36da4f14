using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Degree;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Degree.Apply;

/// <summary>
/// Fresh trainees (a person of the roster with an account bound to it) and test cohorts, so
/// that application tests never touch trainee-demo (the e2e journey needs it without an
/// application) nor depend on what other tests did to the shared demo data.
/// </summary>
public sealed class ApplyWorld(AppFixture app)
{
    public const string Password = "Str0ng!pass";
    /// <summary>增城区: no demo staff account is bound here, so the demo reviewers' queues stay as they were.</summary>
    public const string DistrictCode = "440118";

    public enum Standing { Cadre, ReserveInPool, RecommendedPartyMember, PartyMemberNotRecommended, None }

    public sealed record Trainee(int PersonId, string UserName, string Name, string IdNumber);

    public sealed record TestCohort(int Id, string Name, int AssociateFeeId, int OtherAssociateFeeId, int BachelorFeeId, DateOnly ApplyFrom, DateOnly ApplyTo);

    public static DateOnly Today => TimeProvider.System.Today();

    private static readonly SemaphoreSlim OpenLock = new(1, 1);
    private static TestCohort? _open;

    /// <summary>One cohort open today (for 60 more days) offering two 大专 programs and one 本科 program, shared by the tests.</summary>
    public async Task<TestCohort> OpenCohortAsync()
    {
        await OpenLock.WaitAsync();
        try { return _open ??= await CohortAsync(Today.AddDays(-10), Today.AddDays(60)); }
        finally { OpenLock.Release(); }
    }

    public Task<TestCohort> CohortAsync(DateOnly from, DateOnly to) =>
        app.WithDbAsync(async db =>
        {
            var used = await db.Cohorts.Select(c => c.Year).ToListAsync();
            var year = Enumerable.Range(2030, 70).Where(y => !used.Contains(y)).OrderBy(_ => Random.Shared.Next()).First();
            var cohort = Cohort.Create(year, $"{year}年测试批次", from, to, 1000);
            var associates = await db.Programs.Where(p => p.Level == DegreeLevel.Associate).OrderBy(p => p.Id).Take(2).ToListAsync();
            var bachelor = await db.Programs.Where(p => p.Level == DegreeLevel.Bachelor).OrderBy(p => p.Id).FirstAsync();
            var a = cohort.Offer(associates[0], new FeeSplit(9_000_00, 6_000_00, 1_500_00, 1_500_00));
            var a2 = cohort.Offer(associates[1], new FeeSplit(7_000_00, 4_500_00, 1_000_00, 1_500_00));
            var b = cohort.Offer(bachelor, new FeeSplit(11_000_00, 8_000_00, 1_500_00, 1_500_00));
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return new TestCohort(cohort.Id, cohort.Name, a.Id, a2.Id, b.Id, from, to);
        });

    /// <summary>A new person of a 增城区 village with the given standing and education, and a Trainee account bound to it.</summary>
    public async Task<Trainee> TraineeAsync(Standing standing = Standing.Cadre, Education education = Education.HighSchool)
    {
        var now = DateTime.UtcNow;
        var person = await app.WithDbAsync(async db =>
        {
            var village = await db.OrgUnits.Where(u => u.Level == OrgLevel.Village && u.Code.StartsWith(DistrictCode))
                .OrderBy(u => u.Id).FirstAsync();
            // Born 1965–1994: old enough and young enough for every programme's age rule.
            var idNumber = await TestPeople.FreeIdNumberAsync(db, DistrictCode, bornFromYear: 1965, bornOverDays: 11_000);
            var party = standing is Standing.RecommendedPartyMember or Standing.PartyMemberNotRecommended
                ? PoliticalStatus.PartyMember : PoliticalStatus.Masses;
            var p = Person.Register(idNumber, "学员" + Guid.NewGuid().ToString("N")[..6], null, party, education, village, Today, now);
            if (standing == Standing.Cadre) p.AddPost(village, PostType.CommitteeMember, Today.AddYears(-2));
            if (standing == Standing.RecommendedPartyMember) p.SetRecommendedByVillage(true);
            db.Persons.Add(p);
            if (standing == Standing.ReserveInPool)
                db.Reserves.Add(ReserveCandidate.HistoricalInPool(p, ReserveTarget.TwoCommittee, Today.AddYears(-1)));
            await db.SaveChangesAsync();
            return new { p.Id, p.Name, p.IdNumber };
        });

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = "apply-" + Guid.NewGuid().ToString("N")[..10],
            DisplayName = person.Name,
            Role = Roles.Trainee,
            PersonId = person.Id,
            CreatedAt = now,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Trainee);
        return new Trainee(person.Id, user.UserName, person.Name, person.IdNumber);
    }

    public Task<HttpClient> SignInAsync(Trainee t) => app.SignInAsync(t.UserName, Password);

    /// <summary>A draft made through the domain, e.g. in a cohort whose window the page no longer offers.</summary>
    public Task<int> DraftInDatabaseAsync(Trainee t, int feeId) =>
        app.WithDbAsync(async db =>
        {
            var fee = await db.FeeSchedules.Include(f => f.Program).SingleAsync(f => f.Id == feeId);
            var cohort = await db.Cohorts.SingleAsync(c => c.Id == fee.CohortId);
            var person = await db.Persons.Include(p => p.Village).SingleAsync(p => p.Id == t.PersonId);
            var facts = await new EligibilityQuery(db).ForAsync(t.PersonId, Today);
            var draft = Enrollment.Draft(person, cohort, fee, facts!, DateTime.UtcNow);
            db.Enrollments.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });

    /// <summary>Runs a reviewer's (or registrar's) step directly on the entity: those pages belong to other features.</summary>
    public Task ActAsync(int enrollmentId, Action<Enrollment> step) =>
        app.WithDbAsync(async db =>
        {
            var e = await db.Enrollments.Include(x => x.Program).Include(x => x.Payments).SingleAsync(x => x.Id == enrollmentId);
            step(e);
            await db.SaveChangesAsync();
            return 0;
        });

    public sealed record State(EnrollmentState Value, IReadOnlyList<EnrollmentAction> Steps, int ProgramId);

    public Task<State> StateAsync(int enrollmentId) =>
        app.WithDbAsync(async db =>
        {
            var state = await db.Enrollments.Where(e => e.Id == enrollmentId).Select(e => new { e.State, e.ProgramId }).SingleAsync();
            var steps = await db.EnrollmentTransitions.Where(t => t.EnrollmentId == enrollmentId).OrderBy(t => t.At).ThenBy(t => t.Id)
                .Select(t => t.Action).ToListAsync();
            return new State(state.State, steps, state.ProgramId);
        });

    public Task<List<int>> ActiveIdsAsync(Trainee t) =>
        app.WithDbAsync(db => db.Enrollments.Where(e => e.PersonId == t.PersonId && e.State != EnrollmentState.Cancelled
                && e.State != EnrollmentState.Rejected && e.State != EnrollmentState.Graduated && e.State != EnrollmentState.Withdrawn)
            .Select(e => e.Id).ToListAsync());

    // ------------------------------------------------------------ the pages, as a phone would use them

    /// <summary>POST 报名此专业 from /Apply.</summary>
    public static Task<HttpResponseMessage> CreateAsync(HttpClient client, int feeId) =>
        client.PostFormAsync("/Apply", "/Apply?handler=Create", new Dictionary<string, string> { ["FeeId"] = feeId.ToString() });

    /// <summary>The id of the application a create answered with (its redirect to /Apply/Details/{id}).</summary>
    public static int RedirectedId(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"应跳转到报名详情，实际 {(int)response.StatusCode}：{response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        var path = response.Headers.Location!.OriginalString.Split('?')[0];
        Assert.StartsWith("/Apply/Details/", path);
        return int.Parse(path["/Apply/Details/".Length..]);
    }

    /// <summary>A form of the details page as drawn: its antiforgery token and the version the page showed.</summary>
    public sealed record DrawnForm(string Action, Dictionary<string, string> Fields);

    public static async Task<DrawnForm> DrawAsync(HttpClient client, int id, string handler)
    {
        using var page = await client.GetAsync($"/Apply/Details/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await page.ReadHtmlAsync();
        var form = document.QuerySelectorAll("form")
            .FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase));
        Assert.True(form is not null, $"报名详情页没有“{handler}”表单。页面内容：{document.Body?.TextContent}");
        var fields = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        return new DrawnForm(form.GetAttribute("action")!, fields);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, DrawnForm form, IDictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string>(form.Fields);
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) fields[k] = v;
        return client.PostAsync(form.Action, new FormUrlEncodedContent(fields));
    }

    public static async Task<HttpResponseMessage> StepAsync(HttpClient client, int id, string handler, IDictionary<string, string>? extra = null) =>
        await PostAsync(client, await DrawAsync(client, id, handler), extra);

}
