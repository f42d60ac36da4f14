using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Tests.Features.Demo;
using Training.Web.Features.Demo;
using Training.Web.Infrastructure.Data;

namespace Training.Tests.Infrastructure.Data;

/// <summary>
/// The bulk writer stores what SaveChanges stores: the same entities written both ways into two
/// fresh databases give the same rows, column by column (keys the database generates, foreign
/// keys from navigations and from owners, enums, dates, stamps, complex columns), and an update
/// writes what SaveChanges writes for the changed entity.
/// </summary>
public sealed class BulkWriterTests : IDisposable
{
    private static readonly DateTime Stamp = new DateTime(2026, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc).AddTicks(4567);
    private readonly TempFolder _temp = new("training-bulk");

    public void Dispose() => _temp.Dispose();

    private static readonly string[] Tables =
        ["OrgUnits", "Schools", "Programs", "Cohorts", "FeeSchedules", "Persons", "Posts", "EducationRecords", "StatisticsSnapshots", "SnapshotFigures"];

    [Fact]
    public async Task Should_insert_and_update_exactly_the_rows_SaveChanges_writes()
    {
        await using var bulk = await DemoDatabase.MigratedAsync(_temp.Path, "bulk", DateTimeOffset.UtcNow);
        await using var ef = await DemoDatabase.MigratedAsync(_temp.Path, "ef", DateTimeOffset.UtcNow);

        await ef.WithDbAsync(async db =>
        {
            var g = new Graph();
            db.AddRange(g.Units);
            db.AddRange(g.School, g.Program, g.Cohort, g.Person);
            await db.SaveChangesAsync();
            var snapshot = new StatisticsSnapshot(new DateOnly(2019, 12, 31), Stamp, "测试");
            foreach (var f in g.Figures()) snapshot.Add(f);
            db.Add(snapshot);
            await db.SaveChangesAsync();
            g.Change();
            await db.SaveChangesAsync();
            return 0;
        });

        await bulk.WithDbAsync(async db =>
        {
            var g = new Graph();
            await using var tx = await db.Database.BeginTransactionAsync();
            await using (var writer = new BulkWriter(db, tx.GetDbTransaction()))
            {
                await writer.InsertAsync(g.Units, default);
                await writer.InsertAsync([g.School], default);
                await writer.InsertAsync([g.Program], default);
                await writer.InsertAsync([g.Cohort], default);
                await writer.InsertAsync(g.Cohort.Fees.ToList(), default, (nameof(FeeSchedule.CohortId), _ => g.Cohort.Id));
                await writer.InsertAsync([g.Person], default);
                await writer.InsertAsync(g.Person.Posts.ToList(), default);
                await writer.InsertAsync(g.Person.EducationHistory.ToList(), default, (nameof(EducationRecord.PersonId), _ => g.Person.Id));
                var snapshot = new StatisticsSnapshot(new DateOnly(2019, 12, 31), Stamp, "测试");
                await writer.InsertAsync([snapshot], default);
                await writer.InsertAsync(g.Figures(), default, (nameof(SnapshotFigure.SnapshotId), _ => snapshot.Id));
                Assert.True(g.Person.Id > 0 && g.Units.All(u => u.Id > 0), "generated keys are read back onto the entities");

                g.Change();
                await writer.UpdateAsync([g.Person], default);
                await writer.UpdateAsync(g.Units, default);
            }
            await tx.CommitAsync();
            return 0;
        });

        foreach (var table in Tables)
        {
            var order = table == "SnapshotFigures" ? "\"SnapshotId\", \"OrgUnitId\"" : "\"Id\"";
            var expected = await RawRows.ReadAsync(ef.File, table, order);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await RawRows.ReadAsync(bulk.File, table, order));
        }
    }

    /// <summary>One of each kind of column, built by the domain's own factories.</summary>
    private sealed class Graph
    {
        public Graph()
        {
            var city = OrgUnit.CreateCity("440100", "广州市");
            var district = OrgUnit.CreateChild(city, "440111", "白云区");
            var township = OrgUnit.CreateChild(district, "440111103", "人和镇");
            Village = OrgUnit.CreateChild(township, "440111103201", "汉塘村委会", VillageKind.Village);
            Village.SetKeyPosts(3);
            Units = [city, district, township, Village];
            School = School.Create("广州城市职业学院");
            Program = StudyProgram.Create(School, "农村经济管理", DegreeLevel.Associate, 3);
            Cohort = Cohort.Create(2016, "", new DateOnly(2016, 4, 1), new DateOnly(2016, 5, 31), 1_200);
            Cohort.Offer(Program, new FeeSplit(750_000, 450_000, 150_000, 150_000));
            Person = Person.Register(DemoData.TraineeIdNumber, "何嘉明", "13926001234", PoliticalStatus.PartyMember, Education.HighSchool,
                Village, new DateOnly(2026, 5, 6), Stamp);
            Person.AddPost(Village, PostType.PartySecretary, new DateOnly(2017, 4, 1), new DateOnly(2021, 3, 31));
            Person.AddPost(Village, PostType.CommitteeDirector, new DateOnly(2017, 4, 1));
            Person.RaiseEducation(Education.Associate, new DateOnly(2019, 7, 1), "毕业", Stamp);
        }

        public OrgUnit Village { get; }
        public List<OrgUnit> Units { get; }
        public School School { get; }
        public StudyProgram Program { get; }
        public Cohort Cohort { get; }
        public Person Person { get; }

        public List<SnapshotFigure> Figures() =>
            Units.Select((u, i) => new SnapshotFigure(u.Id, 10 + i, 5, 3, 2, 1, 8, 4, 6, 2, 3, 123_456_789_012L, 0, -1)).ToList();

        /// <summary>What an import changes on rows that are already there.</summary>
        public void Change()
        {
            Person.UpdateContact("何嘉明（更正）", null, PoliticalStatus.Masses);
            Person.SetRecommendedByVillage(true);
            Village.SetKeyPosts(5);
        }
    }
}
