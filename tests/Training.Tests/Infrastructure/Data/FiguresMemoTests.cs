using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Infrastructure.Data;

namespace Training.Tests.Infrastructure.Data;

/// <summary>
/// Figures kept in memory are served only while the records they count are unchanged: each save (through
/// SaveChanges or the bulk writer) raises the stamp of what it changed, and the next request computes again.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FiguresMemoTests(AppFixture app)
{
    private async Task<(int Value, int Computed)> CountVillageAsync(string key, string villageCode, Type[] counts)
    {
        using var scope = app.Services.CreateScope();
        var memo = scope.ServiceProvider.GetRequiredService<FiguresMemo>();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var computed = 0;
        var value = await memo.GetAsync(key, counts, async ct =>
        {
            computed++;
            return await db.Persons.CountAsync(p => p.Village.Code == villageCode, ct);
        }, default);
        return (value, computed);
    }

    [Fact]
    public async Task Should_serve_a_kept_count_until_a_save_changes_what_it_counts_then_count_again()
    {
        var key = "test|" + Guid.NewGuid();
        var first = await CountVillageAsync(key, TestPeople.OwnVillage, [typeof(Person)]);
        var again = await CountVillageAsync(key, TestPeople.OwnVillage, [typeof(Person)]);

        await app.PersonAsync(TestPeople.OwnVillage, "备忘");
        var afterSave = await CountVillageAsync(key, TestPeople.OwnVillage, [typeof(Person)]);

        Assert.Equal(1, first.Computed);
        Assert.Equal((first.Value, 0), again);
        Assert.Equal((first.Value + 1, 1), afterSave);
    }

    [Fact]
    public async Task Should_keep_a_count_when_a_save_changes_only_records_it_does_not_count()
    {
        var key = "test|" + Guid.NewGuid();
        await CountVillageAsync(key, TestPeople.OwnVillage, [typeof(Cohort)]);

        await app.PersonAsync(TestPeople.OwnVillage, "备忘");
        var afterSave = await CountVillageAsync(key, TestPeople.OwnVillage, [typeof(Cohort)]);

        Assert.Equal(0, afterSave.Computed);
    }

    [Fact]
    public async Task Should_count_again_after_the_bulk_writer_writes_what_it_counts()
    {
        var key = "test|" + Guid.NewGuid();
        var personId = await app.PersonAsync(TestPeople.OwnVillage, "批量");
        await CountVillageAsync(key, TestPeople.OwnVillage, [typeof(Person)]);

        await app.WithDbAsync(async db =>
        {
            var person = await db.Persons.SingleAsync(p => p.Id == personId);
            await using var tx = await db.Database.BeginTransactionAsync();
            await using (var writer = new BulkWriter(db, tx.GetDbTransaction()))
                await writer.UpdateAsync([person], default);
            await tx.CommitAsync();
            return 0;
        });
        var afterBulk = await CountVillageAsync(key, TestPeople.OwnVillage, [typeof(Person)]);

        Assert.Equal(1, afterBulk.Computed);
    }

    [Fact]
    public async Task Should_stamp_a_lessons_progress_when_a_person_starts_it_and_not_on_each_later_beat()
    {
        var now = new DateTime(2026, 12, 4, 8, 0, 0, DateTimeKind.Utc);
        var personId = await app.PersonAsync(TestPeople.OwnVillage, "进度");
        var lessonId = await app.WithDbAsync(async db =>
        {
            var city = await db.OrgUnits.SingleAsync(u => u.Level == OrgLevel.City);
            var course = Course.Create(city, "戳记课程" + Guid.NewGuid().ToString("N")[..6], CourseCategory.GrassrootsGovernance, "说明", quizEarnsHours: false);
            var video = course.AddVideo("讲座", Guid.NewGuid().ToString("N") + ".mp4", 1_000_000, 45 * 60, optional: false);
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            return video.Id;
        });
        async Task<long> StampAfterAsync(Action<LessonProgress> change, bool add = false) => await app.WithDbAsync(async db =>
        {
            var progress = add ? LessonProgress.Start(personId, lessonId) : await db.LessonProgress.SingleAsync(p => p.PersonId == personId && p.LessonId == lessonId);
            if (add) db.LessonProgress.Add(progress);
            change(progress);
            await db.SaveChangesAsync();
            return (await DataStamps.ReadAsync(db, default)).GetValueOrDefault("LessonProgress");
        });
        var before = await app.WithDbAsync(async db => (await DataStamps.ReadAsync(db, default)).GetValueOrDefault("LessonProgress"));

        var opened = await StampAfterAsync(_ => { }, add: true);
        var started = await StampAfterAsync(p => p.Record(15, 15, LessonKind.Video, 45 * 60, now.AddSeconds(15)));
        var beat = await StampAfterAsync(p => p.Record(30, 30, LessonKind.Video, 45 * 60, now.AddSeconds(30)));

        Assert.Equal(before, opened);
        Assert.Equal(before + 1, started);
        Assert.Equal(started, beat);
        Assert.False(DataStamps.Tracks(typeof(Playback)) || DataStamps.Tracks(typeof(AuditEntry)));
    }

    [Fact]
    public async Task Should_count_again_within_the_request_that_saved_what_it_counts()
    {
        var key = "test|" + Guid.NewGuid();
        using var scope = app.Services.CreateScope();
        var memo = scope.ServiceProvider.GetRequiredService<FiguresMemo>();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        Task<int> CountAsync() => memo.GetAsync(key, [typeof(Person)], ct => db.Persons.CountAsync(p => p.Village.Code == TestPeople.OwnVillage, ct), default);
        var before = await CountAsync();

        await TestPeople.NewPersonAsync(db, TestPeople.OwnVillage, "同请求", null);
        await db.SaveChangesAsync();
        var after = await CountAsync();

        Assert.Equal(before + 1, after);
    }

    [Fact]
    public async Task Should_not_serve_one_scopes_figure_to_an_account_of_another_under_the_same_key()
    {
        var key = "test|" + Guid.NewGuid();
        async Task<(int Value, int Computed)> CountAsAsync(string orgPath)
        {
            using var scope = app.Services.CreateScope();
            var accessor = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
            accessor.HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext
            {
                User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                    [new System.Security.Claims.Claim(Training.Web.Infrastructure.Scoping.ScopeClaims.OrgPath, orgPath)], "test")),
            };
            try
            {
                var memo = scope.ServiceProvider.GetRequiredService<FiguresMemo>();
                var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
                var computed = 0;
                var value = await memo.GetAsync(key, [typeof(Person)], async ct =>
                {
                    computed++;
                    return await db.Persons.CountAsync(p => OrgPaths.IsUnder(p.Village.Path, orgPath), ct);
                }, default);
                return (value, computed);
            }
            finally { accessor.HttpContext = null; }
        }
        var (districtA, districtB) = await app.WithDbAsync(async db =>
        {
            var paths = await db.OrgUnits.Where(u => u.Level == OrgLevel.District).OrderBy(u => u.Code).Select(u => u.Path).Take(2).ToListAsync();
            return (paths[0], paths[1]);
        });

        var a = await CountAsAsync(districtA);
        var b = await CountAsAsync(districtB);
        var expectedB = await app.WithDbAsync(db => db.Persons.CountAsync(p => OrgPaths.IsUnder(p.Village.Path, districtB)));

        Assert.Equal(1, a.Computed);
        Assert.Equal((expectedB, 1), b);
        Assert.NotEqual(a.Value, b.Value);
    }
}
