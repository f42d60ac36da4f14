using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Tests.Features.Degree.Enrollments;
using Training.Tests.Infrastructure;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.Degree.Graduation;
using Training.Web.Features.DataExchange.Import.Roster;
using Training.Web.Features.Statistics;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.DataExchange.Import;

/// <summary>
/// The import job run directly on runs stored for the test (never queued, so the app's Hangfire
/// server leaves them alone), with a client that records what the job enqueues.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ImportJobTests(AppFixture app)
{
    private async Task<RecordingJobs> WithJobAsync(Func<ImportJob, Task> act)
    {
        var recorder = new RecordingJobs();
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var job = new ImportJob(sp.GetRequiredService<TrainingDbContext>(), sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<RosterImport>(), sp.GetRequiredService<GraduationImport>(),
            sp.GetRequiredService<Training.Web.Features.Learning.Offline.OfflineHoursImport>(), recorder, TimeProvider.System,
            NullLogger<ImportJob>.Instance);
        await act(job);
        return recorder;
    }

    private Task<ImportRun> RunAsync(int id) => app.WithDbAsync(db => db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == id));

    private Task<List<AuditEntry>> AuditOfAsync(string fileName) =>
        app.WithDbAsync(db => db.Audit.AsNoTracking().Where(a => a.Detail.Contains(fileName)).ToListAsync());

    private static bool IsSnapshotAfterImport(Hangfire.Common.Job job) =>
        job.Type == typeof(ComputeSnapshotJob) && job.Args.Contains(ComputeSnapshotJob.TriggerImport);

    [Fact]
    public async Task Should_store_the_counts_audit_them_and_queue_the_snapshot_when_the_import_succeeds()
    {
        var name = $"成功-{Guid.NewGuid():N}.xlsx";
        var id = await app.StoredRunAsync(ImportKind.Roster, [], fileName: name, then: r => r.Start());
        SheetCounts[] counts = [new("组织", 1, 0, 0), new("人员", 2, 1, 3)];

        var jobs = await WithJobAsync(job => job.RecordAsync(id, new ImportOutcome(counts, []), CancellationToken.None));

        var run = await RunAsync(id);
        Assert.Equal(RunState.Succeeded, run.State);
        Assert.Equal(100, run.Percent);
        Assert.NotNull(run.FinishedAt);
        Assert.Equal(counts, ImportJob.ReadCounts(run.CountsJson));
        var audit = Assert.Single(await AuditOfAsync(name));
        Assert.Equal(("city", ImportJob.AuditRoster), (audit.UserName, audit.Action));
        Assert.Contains("新增 3、更新 1、未变 3", audit.Detail);
        Assert.Single(jobs.Created, IsSnapshotAfterImport);
        // Issue 16 §6: the upload (full ID numbers) is not kept once the import ended.
        Assert.False(await app.WithDbAsync(db => db.ImportFiles.AnyAsync(f => f.ImportRunId == id)));
        Assert.Equal(run.FinishedAt, run.FileDeletedAt);
    }

    [Fact]
    public async Task Should_store_every_error_audit_the_count_and_queue_nothing_when_the_file_is_rejected()
    {
        var name = $"有错-{Guid.NewGuid():N}.xlsx";
        var id = await app.StoredRunAsync(ImportKind.Roster, [1], fileName: name, then: r => r.Start());
        ImportError[] errors = [new("人员", 3, "身份证号", "校验位错误"), new("职务", 7, "任职日期", "不是日期")];

        var jobs = await WithJobAsync(job => job.RecordAsync(id, ImportOutcome.Rejected(errors), CancellationToken.None));

        var run = await RunAsync(id);
        Assert.Equal(RunState.Rejected, run.State);
        Assert.Equal(2, run.ErrorCount);
        Assert.Equal(errors, ImportJob.ReadErrors(run.ErrorsJson));
        Assert.Contains("校验位错误", run.ErrorsJson); // Chinese kept readable in the column
        var audit = Assert.Single(await AuditOfAsync(name));
        Assert.Contains("2 处错误", audit.Detail);
        Assert.Empty(jobs.Created);
        // Kept for the error workbook (ForgetImportFilesJob deletes it after a week).
        Assert.True(await app.WithDbAsync(db => db.ImportFiles.AnyAsync(f => f.ImportRunId == id)));
        Assert.Null(run.FileDeletedAt);
    }

    [Fact]
    public async Task Should_leave_a_finished_run_as_it_is_when_the_job_runs_again()
    {
        var name = $"已完成-{Guid.NewGuid():N}.xlsx";
        var id = await app.StoredRunAsync(ImportKind.Roster, [1, 2, 3], fileName: name,
            then: r => { r.Start(); r.Succeed("[]", DateTime.UtcNow); });
        var before = await RunAsync(id);

        var jobs = await WithJobAsync(job => job.RunAsync(id, CancellationToken.None));

        var after = await RunAsync(id);
        Assert.Equal((before.State, before.FinishedAt, before.Stage), (after.State, after.FinishedAt, after.Stage));
        Assert.Empty(await AuditOfAsync(name));
        Assert.Empty(jobs.Created);
    }

    [Fact]
    public async Task Should_fail_the_run_and_audit_it_when_the_import_throws()
    {
        var name = $"出错-{Guid.NewGuid():N}.xlsx";
        var id = await app.StoredRunAsync(ImportKind.Roster, content: null, fileName: name); // its file is missing: the job cannot read it

        var jobs = await WithJobAsync(job => job.RunAsync(id, CancellationToken.None));

        var run = await RunAsync(id);
        Assert.Equal(RunState.Failed, run.State);
        Assert.StartsWith("导入时发生意外错误，未做任何修改", run.Message);
        Assert.NotNull(run.FinishedAt);
        Assert.Contains("导入出错", Assert.Single(await AuditOfAsync(name)).Detail);
        Assert.Empty(jobs.Created);
    }

    [Fact]
    public async Task Should_run_a_graduation_list_for_the_runs_school_as_its_uploader_and_queue_the_snapshot()
    {
        var made = await app.AdmittedAsync();
        var idNumber = await app.WithDbAsync(db => db.Persons.Where(p => p.Id == made.PersonId).Select(p => p.IdNumber).SingleAsync());
        var file = await ImportFiles.BookAsync((GraduationImport.Sheet, [
            [.. GraduationImport.Columns],
            [idNumber, "大专", TestEnrollments.Year, "已毕业", new DateOnly(2024, 7, 1), "JOB-" + Guid.NewGuid().ToString("N")[..6]],
        ]));
        var name = $"毕业-{Guid.NewGuid():N}.xlsx";
        var id = await app.StoredRunAsync(ImportKind.Graduation, file, made.SchoolId, uploadedBy: "school-1", fileName: name);

        var jobs = await WithJobAsync(job => job.RunAsync(id, CancellationToken.None));

        var run = await RunAsync(id);
        Assert.True(run.State == RunState.Succeeded, $"{run.State}: {run.Message} {run.ErrorsJson}");
        Assert.Equal([new SheetCounts(GraduationImport.Sheet, 0, 1, 0)], ImportJob.ReadCounts(run.CountsJson));
        Assert.Equal(EnrollmentState.Graduated, await app.WithDbAsync(db => db.Enrollments.Where(e => e.Id == made.EnrollmentId).Select(e => e.State).SingleAsync()));
        var actor = await app.WithDbAsync(db => db.EnrollmentTransitions.Where(t => t.EnrollmentId == made.EnrollmentId).Select(t => t.Actor).SingleAsync());
        Assert.Equal("school-1", actor);
        Assert.Equal(ImportJob.AuditGraduation, Assert.Single(await AuditOfAsync(name)).Action);
        Assert.Single(jobs.Created, IsSnapshotAfterImport);
    }
}

/// <summary>The progress the job writes for the page to poll: on every stage change, otherwise at most every half second.</summary>
[Collection(AppCollection.Name)]
public sealed class ImportProgressTests(AppFixture app)
{
    private sealed class ManualClock : TimeProvider
    {
        public long Ticks { get; set; } = 1_000_000;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Ticks;
        public void Advance(TimeSpan by) => Ticks += by.Ticks;
    }

    private async Task<(int Percent, string Stage)> StoredAsync(int id)
    {
        var run = await app.WithDbAsync(db => db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == id));
        return (run.Percent, run.Stage);
    }

    [Fact]
    public async Task Should_write_each_stage_change_at_once_and_the_same_stage_at_most_every_half_second()
    {
        var id = await app.StoredRunAsync(ImportKind.Roster, [], then: r => r.Start());
        var clock = new ManualClock();
        var progress = new ImportJob.RunProgress(app.Services.GetRequiredService<IServiceScopeFactory>(), id, clock, NullLogger.Instance);

        progress.Report(new ImportProgress(10, "读取"));
        Assert.Equal((10, "读取"), await StoredAsync(id));

        progress.Report(new ImportProgress(20, "读取"));
        Assert.Equal((10, "读取"), await StoredAsync(id));

        clock.Advance(TimeSpan.FromSeconds(0.6));
        progress.Report(new ImportProgress(30, "读取"));
        Assert.Equal((30, "读取"), await StoredAsync(id));

        progress.Report(new ImportProgress(40, "校验"));
        Assert.Equal((40, "校验"), await StoredAsync(id));

        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Report(new ImportProgress(100, "校验"));
        Assert.Equal((99, "校验"), await StoredAsync(id)); // 100 only once the outcome is stored
    }

    [Fact]
    public async Task Should_not_touch_a_run_that_is_no_longer_running()
    {
        var id = await app.StoredRunAsync(ImportKind.Roster, [], then: r => { r.Start(); r.Fail("测试", DateTime.UtcNow); });
        var progress = new ImportJob.RunProgress(app.Services.GetRequiredService<IServiceScopeFactory>(), id, new ManualClock(), NullLogger.Instance);

        progress.Report(new ImportProgress(50, "写入"));

        Assert.Equal((0, "出错"), await StoredAsync(id));
    }
}
