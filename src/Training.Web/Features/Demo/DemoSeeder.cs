using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Identity;
using Training.Web.Features.Demo.Learning;
using Training.Web.Features.Demo.Plan;
using Training.Web.Features.Learning.Media;
using Training.Web.Features.Learning.Reminders;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Demo;

/// <summary>
/// Loads the deterministic demo data set into an empty database (PRODUCT.md §10): the real
/// Guangzhou org units, cadres, reserves and party members with their posts, enrollments
/// since 2012 and reserve records, whose figures as of 2019-12-31 are those of the 2019
/// article (<see cref="DemoData"/>), and the demo accounts. Same scale and same day, same data.
/// At city scale everything is one transaction: an interrupted first run leaves an empty
/// database, not half a data set that would then be refused.
/// </summary>
public sealed class DemoSeeder(
    TrainingDbContext db, UserManager<AppUser> users, IUserStore<AppUser> store, TimeProvider clock, ILogger<DemoSeeder> log, IHostEnvironment env,
    MediaStorage? media = null)
{
    /// <summary>Use the EF path that SQL Server takes, on any provider (tests compare the two).</summary>
    internal bool UseEntityFrameworkStore { get; set; }

    public async Task<DemoSeedResult> SeedAsync(DemoScale scale, CancellationToken ct = default)
    {
        if (await db.OrgUnits.AnyAsync(ct))
            throw new CommandLineException(DemoTexts.NotEmpty);
        var today = clock.Today();
        if (today <= DemoData.ReportDate)
            throw new CommandLineException(DemoTexts.TooEarly(today));

        var watch = Stopwatch.StartNew();
        var factor = (int)scale;
        var divisions = GuangzhouDivisions.Load(GuangzhouDivisions.Locate(env.ContentRootPath));
        var plan = DemoPlan.Build(divisions);
        log.LogInformation(DemoTexts.StartingLog, DemoTexts.ScaleName(scale), factor, today);

        // Row timestamps are the seeding day, not the instant, so that a rerun on the same day gives the same data.
        var stamp = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await using DemoStore store = db.Database.IsSqlite() && !UseEntityFrameworkStore ? new SqliteDemoStore(db) : new EfDemoStore(db);
        await store.BeginAsync(ct);
        // The demo's files go to the media folder first (a container without one, as some tests build, gets text lessons instead).
        var files = media is null ? DemoFiles.None : await DemoMedia.StoreAsync(media, env.ContentRootPath, ct);
        var g = new DemoGenerator(plan, divisions, store, today, stamp, factor);
        g.AddRealUnits();
        await store.FlushAsync(ct);
        g.AddCatalog();
        await store.FlushAsync(ct);

        for (var copy = 0; copy < factor; copy++)
        {
            foreach (var district in divisions.Districts)
            {
                var persons = g.Persons;
                var villages = 0;
                foreach (var (village, villagePlan) in g.VillagesOf(district, copy))
                {
                    g.AddVillage(villagePlan, village, district.Code, copy);
                    await store.FlushAsync(ct);
                    villages++;
                }
                if (copy == 0)
                    log.LogInformation(DemoTexts.DistrictLog,
                        district.Name, villages, g.Persons - persons, watch.Elapsed.TotalSeconds);
                if (scale != DemoScale.City) await store.CheckpointAsync(ct);
                ct.ThrowIfCancellationRequested();
            }
            if (copy == 0)
            {
                // The catalogue first: the classes require some of its courses. The classes draw their participants
                // from the whole real city.
                g.AddCourses(files);
                await store.FlushAsync(ct);
                g.AddClasses();
                await store.FlushAsync(ct);
                g.AddAttendance();
                await store.FlushAsync(ct);
                g.AddStudyProgress();
                await store.FlushAsync(ct);
                g.AddOfflineHours();
                await store.FlushAsync(ct);
                g.AddOfflineCredits();
                g.AddNotices(files);
                await store.FlushAsync(ct);
            }
            if (copy > 0 && (copy % Math.Max(1, factor / 20) == 0 || copy == factor - 1))
                log.LogInformation(DemoTexts.CopyLog,
                    copy, factor - 1, g.Persons, store.Rows, watch.Elapsed.TotalSeconds);
        }

        await store.FlushAsync(ct);
        var accounts = await AddAccountsAsync(g);
        var certificates = await DemoCertificates.IssueAsync(db, today, stamp, ct);
        log.LogInformation(DemoTexts.CertificatesLog, certificates);
        await store.CommitAsync(ct);
        // The day's learning reminders, as the daily job sends them, so that trainees have some (the larger scales are for benchmarks).
        if (scale == DemoScale.City)
        {
            var started = watch.Elapsed;
            var reminders = await new SendRemindersJob(db, clock).SendAsync(ct);
            log.LogInformation(DemoTexts.RemindersLog, reminders, (watch.Elapsed - started).TotalSeconds);
        }
        // The fast writer bypasses SaveChanges, which keeps the 学时 aggregates: they are summed from the ledger once.
        await LedgerTotals.RebuildAsync(db, ct);
        watch.Stop();

        var summary = DemoTexts.Loaded(scale, g.OrgUnits, g.Persons, g.Posts, g.Enrollments, g.Reserves, g.MentorPairs, g.Shadowings, g.Classes,
            g.Learning.Courses, g.Learning.Assignments, g.Learning.ProgressRows, accounts, DemoData.Password, watch.Elapsed.TotalSeconds);
        log.LogInformation("{Summary}", summary);
        return new DemoSeedResult(summary)
        {
            Elapsed = watch.Elapsed,
            OrgUnits = g.OrgUnits,
            Persons = g.Persons,
            Posts = g.Posts,
            Enrollments = g.Enrollments,
            Reserves = g.Reserves,
            MentorPairs = g.MentorPairs,
            Shadowings = g.Shadowings,
            Classes = g.Classes,
            Accounts = accounts,
        };
    }

    private async Task<int> AddAccountsAsync(DemoGenerator g)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        foreach (var account in DemoData.Accounts)
        {
            var user = new AppUser
            {
                UserName = account.UserName,
                DisplayName = account.DisplayName,
                Role = account.Role,
                OrgUnitId = account.OrgUnitCode is null ? null : g.Unit(account.OrgUnitCode).Id,
                SchoolId = account.SchoolName is null ? null : g.Schools.Single(s => s.Name == account.SchoolName).Id,
                PersonId = account.PersonIdNumber is null ? null
                    : g.Trainee is { } trainee && trainee.IdNumber == account.PersonIdNumber ? trainee.Id
                    : throw new InvalidOperationException(DemoTexts.AccountWithoutPerson(account.UserName)),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
            };
            user.PasswordSetByOwner(user.CreatedAt);
            var created = await users.CreateAsync(user, DemoData.Password);
            if (created.Succeeded) created = await users.AddToRoleAsync(user, account.Role);
            if (created.Succeeded && RoleSets.SecondFactorRequired.Contains(account.Role))
            {
                await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, DemoData.AuthenticatorKey, default);
                user.TwoFactorEnabled = true;
                created = await users.UpdateAsync(user);
            }
            if (!created.Succeeded)
                throw new CommandLineException(DemoTexts.AccountFailed(account.UserName, string.Join(" ", created.Errors.Select(e => e.Description))));
        }
        return DemoData.Accounts.Count;
    }


}
