using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.DataExchange.Import.Roster;
using static Training.Tests.Features.DataExchange.Import.Roster.RosterFile;

namespace Training.Tests.Features.DataExchange.Import.Roster;

/// <summary>Good rosters into a private empty database each: counts, upserts, idempotency, education history, one transaction.</summary>
public sealed class RosterImportTests
{
    private static readonly string[] Order = [.. RosterSheets.InOrder];

    [Fact]
    public async Task Should_add_every_row_of_a_good_file_counting_per_sheet_in_the_contract_order()
    {
        await using var data = await EmptyDatabase.CreateAsync();
        var stages = new List<ImportProgress>();

        var outcome = await data.ImportAsync(await GoodRoster.WriteAsync(), new SyncProgress(stages.Add));

        Assert.Empty(outcome.Errors);
        Assert.Equal(Order, outcome.Counts.Select(c => c.Sheet));
        Assert.Equal([5, 3, 3, 3, 2, 1], outcome.Counts.Select(c => c.Added));
        Assert.All(outcome.Counts, c => Assert.Equal((0, 0), (c.Updated, c.Unchanged)));
        Assert.Equal(["读取", "校验", "写入", "完成"], stages.Select(s => s.Stage).Distinct());
        Assert.Contains(new ImportProgress(90, "写入"), stages);

        var (units, persons, posts, enrollments, reserves, village) = await data.WithDbAsync(async db => (
            await db.OrgUnits.CountAsync(), await db.Persons.CountAsync(), await db.Posts.CountAsync(),
            await db.Enrollments.CountAsync(), await db.Reserves.CountAsync(),
            await db.OrgUnits.SingleAsync(u => u.Code == GoodRoster.Village)));
        Assert.Equal((5, 3, 3, 3, 2), (units, persons, posts, enrollments, reserves));
        Assert.Equal("/440100/440111/440111103/440111103201/", village.Path);
        Assert.Equal(VillageKind.Village, village.Kind);
        Assert.Equal(2, village.KeyPosts);
        var community = await data.WithDbAsync(db => db.OrgUnits.SingleAsync(u => u.Code == GoodRoster.Community));
        Assert.Equal(OrgUnit.DefaultKeyPosts, community.KeyPosts);

        var withdrawn = await data.WithDbAsync(db => db.Enrollments.Include(e => e.Program).ThenInclude(p => p.School)
            .SingleAsync(e => e.Person.IdNumber == GoodRoster.Chen));
        Assert.Equal(EnrollmentState.Withdrawn, withdrawn.State);
        Assert.Equal(new DateOnly(2021, 9, 1), withdrawn.AdmittedOn);
        Assert.Equal("广东开放大学", withdrawn.Program.School.Name);
        Assert.Equal(new FeeSplit(9000_00, 7500_00, 0, 1500_00), withdrawn.Split);
        var cohorts = await data.WithDbAsync(db => db.Cohorts.OrderBy(c => c.Year).Select(c => c.Year).ToListAsync());
        Assert.Equal([2020, 2021, 2022], cohorts);

        var reserve = await data.WithDbAsync(db => db.Reserves.SingleAsync(r => r.Person.IdNumber == GoodRoster.Liang));
        Assert.Equal((ReserveTarget.Secretary, ReserveState.InPool, new DateOnly(2022, 3, 1)), (reserve.Target, reserve.State, reserve.InPoolOn!.Value));
        var recommended = await data.WithDbAsync(db => db.Reserves.SingleAsync(r => r.Person.IdNumber == GoodRoster.Chen));
        Assert.Equal(ReserveState.Recommended, recommended.State);
        Assert.Null(recommended.InPoolOn);
    }

    [Fact]
    public async Task Should_report_progress_only_while_no_write_transaction_holds_the_database()
    {
        await using var data = await EmptyDatabase.CreateAsync();
        var locked = new List<string>();
        var reports = 0;
        // On every report another connection must get the write lock at once: a progress write
        // (the web job stores progress on its run row) never waits for the import's transaction.
        var progress = new SyncProgress(p =>
        {
            reports++;
            using var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={data.File};Default Timeout=1;Pooling=False");
            other.Open();
            using var command = other.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
            try { command.ExecuteNonQuery(); }
            catch (Microsoft.Data.Sqlite.SqliteException) { locked.Add($"{p.Percent} {p.Stage}"); }
        });

        Assert.True((await data.ImportAsync(await GoodRoster.WriteAsync(), progress)).Succeeded);

        Assert.True(reports >= 4);
        Assert.Empty(locked);
    }

    [Fact]
    public async Task Should_refuse_a_workbook_without_any_roster_sheet()
    {
        await using var data = await EmptyDatabase.CreateAsync();

        var outcome = await data.ImportAsync(await RosterFile.WriteAsync(new RosterSheet("Sheet1", [["440100", "广州市"]], ["代码", "名称"])));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(0, error.Row);
        Assert.Contains("组织、人员、职务、学历教育、后备、关键岗位", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_change_nothing_and_count_every_row_unchanged_when_the_same_file_is_imported_twice()
    {
        await using var data = await EmptyDatabase.CreateAsync();
        Assert.True((await data.ImportAsync(await GoodRoster.WriteAsync())).Succeeded);
        var before = await data.DumpAsync();

        var second = await data.ImportAsync(await GoodRoster.WriteAsync());

        Assert.Empty(second.Errors);
        Assert.Equal([5, 3, 3, 3, 2, 1], second.Counts.Select(c => c.Unchanged));
        Assert.All(second.Counts, c => Assert.Equal((0, 0), (c.Added, c.Updated)));
        Assert.Equal(before, await data.DumpAsync());
    }

    [Fact]
    public async Task Should_record_an_imported_withdrawal_on_Guangzhous_day_not_the_UTC_day()
    {
        // 23:30 UTC on 1 March is 07:30 on 2 March in Guangzhou: the import happens on 2 March.
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero));
        await using var data = await EmptyDatabase.CreateAsync(clock);
        Assert.True((await data.ImportAsync(await GoodRoster.WriteAsync())).Succeeded);
        var enrollments = GoodRoster.Enrollments();
        enrollments[1] = [GoodRoster.Liang, 2022, "本科", "华南农业大学", "行政管理", "已退学", new DateOnly(2023, 3, 1), 10100, 8800, 0, 1300];
        var sheets = GoodRoster.Sheets();
        sheets[3] = Sheet(RosterSheets.Enrollments, enrollments);

        var outcome = await data.ImportAsync(await RosterFile.WriteAsync(sheets));

        Assert.Empty(outcome.Errors);
        var step = await data.WithDbAsync(db => db.Enrollments.Where(e => e.Person.IdNumber == GoodRoster.Liang)
            .SelectMany(e => e.Transitions).SingleAsync(t => t.To == EnrollmentState.Withdrawn));
        Assert.Equal(new DateOnly(2026, 3, 2), step.On);
    }

    [Fact]
    public async Task Should_count_changed_rows_as_updated_and_apply_them()
    {
        await using var data = await EmptyDatabase.CreateAsync();
        Assert.True((await data.ImportAsync(await GoodRoster.WriteAsync())).Succeeded);
        var org = GoodRoster.Org();
        org[3] = [GoodRoster.Village, "大源社区居委会", "村社区", GoodRoster.Township, "社区"];
        var persons = GoodRoster.Persons();
        persons[2] = [GoodRoster.Chen, "陈国强", "13700137000", "中共党员", "初中及以下", GoodRoster.Community];
        var posts = GoodRoster.Posts();
        posts[1] = [GoodRoster.He, GoodRoster.Village, "村(居)委会主任", new DateOnly(2021, 1, 1), new DateOnly(2024, 6, 30)];
        var enrollments = GoodRoster.Enrollments();
        enrollments[1] = [GoodRoster.Liang, 2022, "本科", "华南农业大学", "行政管理", "已毕业", new DateOnly(2024, 7, 1), 10100, 8800, 0, 1300];
        var reserves = GoodRoster.Reserves();
        reserves[1] = [GoodRoster.Chen, GoodRoster.Community, "两委后备", "已入库", new DateOnly(2024, 1, 15)];

        var outcome = await data.ImportAsync(await RosterFile.WriteAsync(
            Sheet(RosterSheets.Org, org), Sheet(RosterSheets.Persons, persons), Sheet(RosterSheets.Posts, posts),
            Sheet(RosterSheets.Enrollments, enrollments), Sheet(RosterSheets.Reserves, reserves),
            Sheet(RosterSheets.KeyPosts, [GoodRoster.Village, 3])));

        Assert.Empty(outcome.Errors);
        Assert.Equal([1, 1, 1, 1, 1, 1], outcome.Counts.Select(c => c.Updated));
        Assert.Equal([4, 2, 2, 2, 1, 0], outcome.Counts.Select(c => c.Unchanged));
        Assert.All(outcome.Counts, c => Assert.Equal(0, c.Added));

        await data.WithDbAsync(async db =>
        {
            var village = await db.OrgUnits.SingleAsync(u => u.Code == GoodRoster.Village);
            Assert.Equal(("大源社区居委会", VillageKind.Community, 3), (village.Name, village.Kind, village.KeyPosts));
            var chen = await db.Persons.Include(p => p.Village).SingleAsync(p => p.IdNumber == GoodRoster.Chen);
            Assert.Equal(("13700137000", GoodRoster.Community), (chen.Phone, chen.Village.Code));
            var post = await db.Posts.SingleAsync(p => p.Person.IdNumber == GoodRoster.He && p.Type == PostType.CommitteeDirector);
            Assert.Equal(new DateOnly(2024, 6, 30), post.EndDate);
            var liang = await db.Enrollments.Include(e => e.Transitions).SingleAsync(e => e.Person.IdNumber == GoodRoster.Liang);
            Assert.Equal((EnrollmentState.Graduated, new DateOnly(2024, 7, 1)), (liang.State, liang.GraduatedOn!.Value));
            Assert.Equal(RosterImport.Actor, Assert.Single(liang.Transitions).Actor);
            var liangPerson = await db.Persons.Include(p => p.EducationHistory).SingleAsync(p => p.IdNumber == GoodRoster.Liang);
            Assert.Equal(Education.Bachelor, liangPerson.Education);
            var reserve = await db.Reserves.SingleAsync(r => r.Person.IdNumber == GoodRoster.Chen);
            Assert.Equal((ReserveState.InPool, new DateOnly(2024, 1, 15)), (reserve.State, reserve.InPoolOn!.Value));
            return 0;
        });

        // The changed file imported again is all unchanged.
        var again = await data.ImportAsync(await RosterFile.WriteAsync(
            Sheet(RosterSheets.Org, org), Sheet(RosterSheets.Persons, persons), Sheet(RosterSheets.Posts, posts),
            Sheet(RosterSheets.Enrollments, enrollments), Sheet(RosterSheets.Reserves, reserves),
            Sheet(RosterSheets.KeyPosts, [GoodRoster.Village, 3])));
        Assert.All(again.Counts, c => Assert.Equal(0, c.Added + c.Updated));
    }

    [Fact]
    public async Task Should_raise_education_from_the_graduation_day_and_keep_the_recorded_base_level()
    {
        await using var data = await EmptyDatabase.CreateAsync();

        Assert.True((await data.ImportAsync(await GoodRoster.WriteAsync())).Succeeded);

        var he = await data.WithDbAsync(db => db.Persons.Include(p => p.EducationHistory).SingleAsync(p => p.IdNumber == GoodRoster.He));
        Assert.Equal(Education.HighSchool, he.BaseEducation);
        Assert.Equal(Education.Associate, he.Education);
        Assert.Equal(Education.HighSchool, he.EducationOn(GoodRoster.Graduated.AddDays(-1)));
        Assert.Equal(Education.Associate, he.EducationOn(GoodRoster.Graduated));
        var graduation = Assert.Single(he.EducationHistory, r => r.Source == EducationSource.Graduation);
        Assert.Equal((Education.Associate, GoodRoster.Graduated), (graduation.Level, graduation.EffectiveOn!.Value));

        // 人员.学历 is the recorded base: a different value corrects the base, the graduation stays.
        var persons = GoodRoster.Persons();
        persons[0] = [GoodRoster.He, "何嘉明", "13800138000", "中共党员", "初中及以下", GoodRoster.Village];
        var outcome = await data.ImportAsync(await RosterFile.WriteAsync(Sheet(RosterSheets.Persons, persons)));

        Assert.Equal(new SheetCounts(RosterSheets.Persons, 0, 1, 2), Assert.Single(outcome.Counts));
        he = await data.WithDbAsync(db => db.Persons.Include(p => p.EducationHistory).SingleAsync(p => p.IdNumber == GoodRoster.He));
        Assert.Equal(Education.JuniorOrBelow, he.BaseEducation);
        Assert.Equal(Education.Associate, he.Education);
        Assert.Single(he.EducationHistory, r => r.Source == EducationSource.Correction);
    }

    [Fact]
    public async Task Should_leave_nothing_written_when_the_write_dies_half_way()
    {
        await using var data = await EmptyDatabase.CreateAsync();
        var empty = await data.DumpAsync();
        // Reserves are written after the org units, persons, posts and enrollments: the trigger
        // aborts there, as a killed process would stop half way through the transaction.
        await data.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER KillRosterMidway BEFORE INSERT ON Reserves BEGIN SELECT RAISE(ABORT, 'killed midway'); END"));

        var killed = await Assert.ThrowsAnyAsync<Exception>(() => data.ImportAsync(GoodRoster.WriteAsync().Result));

        Assert.Contains("killed midway", (killed.InnerException ?? killed).Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<DbException>(killed.InnerException ?? killed);
        Assert.Equal(empty, await data.DumpAsync());
        await data.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER KillRosterMidway"));
        Assert.True((await data.ImportAsync(await GoodRoster.WriteAsync())).Succeeded);
    }

    [Fact]
    public async Task Should_store_rows_as_EF_stores_them()
    {
        await using var data = await EmptyDatabase.CreateAsync();
        Assert.True((await data.ImportAsync(await GoodRoster.WriteAsync())).Succeeded);
        // The same kinds of rows written by EF, beside the imported ones.
        await data.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var village = await db.OrgUnits.SingleAsync(u => u.Code == GoodRoster.Village);
            db.OrgUnits.Add(OrgUnit.CreateChild(await db.OrgUnits.SingleAsync(u => u.Code == GoodRoster.Township), "440111103203", "EF村", VillageKind.Village));
            var person = Person.Register(Id(new DateOnly(1988, 6, 6), 606), "EF人", "13600136000", PoliticalStatus.PartyMember, Education.HighSchool, village, DateOnly.FromDateTime(now), now);
            person.AddPost(village, PostType.CommitteeMember, new DateOnly(2022, 1, 1), new DateOnly(2023, 1, 1));
            var cohort = await db.Cohorts.SingleAsync(c => c.Year == 2020);
            var program = await db.Programs.FirstAsync(p => p.Level == DegreeLevel.Associate);
            db.Enrollments.Add(Enrollment.Historical(person, cohort, program, new FeeSplit(100, 50, 0, 50), EnrollmentState.Graduated, new DateOnly(2023, 7, 1), null, now));
            db.Reserves.Add(ReserveCandidate.Imported(person, village, ReserveTarget.Secretary, ReserveState.Exited, new DateOnly(2021, 3, 1), DateOnly.FromDateTime(now)));
            return await db.SaveChangesAsync();
        });

        foreach (var table in new[] { "OrgUnits", "Persons", "Posts", "EducationRecords", "Enrollments", "Reserves" })
        {
            var shapes = await data.WithDbAsync(async db =>
            {
                var connection = db.Database.GetDbConnection();
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY Id";
                await using var reader = await command.ExecuteReaderAsync();
                var rows = new List<string>();
                while (await reader.ReadAsync())
                    rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i) + ":" + Shape(reader.GetValue(i)))));
                return rows;
            });
            // The last row is EF's; every imported row has the same storage classes and formats (nulls aside).
            var ef = shapes[^1].Split('|');
            foreach (var imported in shapes.SkipLast(1))
                foreach (var (mine, theirs) in imported.Split('|').Zip(ef))
                    if (!mine.EndsWith(":null", StringComparison.Ordinal) && !theirs.EndsWith(":null", StringComparison.Ordinal))
                        Assert.True(mine == theirs, $"{table}: imported {mine}, EF {theirs}");
        }

        static string Shape(object value) => value switch
        {
            DBNull => "null",
            long => "integer",
            double => "real",
            byte[] => "blob",
            // GUIDs by their case, dates and times by their pattern up to the seconds; other text is just text
            string s when System.Text.RegularExpressions.Regex.IsMatch(s, "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-") =>
                s == s.ToUpperInvariant() ? "guid upper" : "guid lower",
            string s when System.Text.RegularExpressions.Regex.IsMatch(s, "^[0-9]{4}-[0-9]{2}-[0-9]{2}") =>
                "date " + System.Text.RegularExpressions.Regex.Replace(s.Length > 19 ? s[..19] : s, "[0-9]", "9"),
            _ => "text",
        };
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the test wants the reports in order.</summary>
    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
