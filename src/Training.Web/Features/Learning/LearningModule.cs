using Hangfire;
using Training.Web.Features.Learning.Heartbeats;
using Training.Web.Features.Learning.Home;
using Training.Web.Features.Learning.Media;
using Training.Web.Features.Learning.Offline;
using Training.Web.Features.Learning.Reminders;
using Training.Web.Features.Learning.Reports;
using Training.Web.Features.Learning.Study;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.Learning;

/// <summary>
/// 在线学习 (LEARNING.md §1–§5): Courses/ (authoring by the city and the districts: courses, lessons,
/// uploads), Study/ (the learner's catalogue, course and lesson pages), Heartbeat (the player's
/// reports, credited by the server's rules), Media/ (lesson files served with range requests from
/// the folder every web node shares), Reminders/ (the daily job telling each assigned person once of
/// a new assignment, a deadline a week away and one passed). All at /Learning.
/// </summary>
public sealed class LearningModule : TrainingModule
{
    public override string Folder => "Learning";

    public override IReadOnlyList<PageFolder> Pages => [new("", "/Learning")];

    public override IReadOnlyList<Permission> Permissions => LearningPermissions.All;

    public override IReadOnlyList<MenuEntry> Menu =>
    [
        new(LearningTexts.MenuStudy, "/Learning/Study/Index", LearningPermissions.Study, 5, Primary: true),
        new(LearningTexts.MenuHours, "/Learning/Hours", LearningPermissions.Study, 6),
        new(LearningTexts.MenuCourses, "/Learning/Courses/Index", LearningPermissions.Author, 42),
        new(LearningTexts.MenuAssignments, "/Learning/Assignments/Index", LearningPermissions.Follow, 43),
        new(LearningTexts.MenuTargets, "/Learning/Targets", LearningPermissions.Targets, 44),
        new(OfflineTexts.MenuImport, "/Learning/Offline/Index", LearningPermissions.Offline, 45),
        new(ReportTexts.MenuReport, "/Learning/Reports/Index", LearningPermissions.Follow, 46),
    ];

    public override IReadOnlyList<Verb> Verbs =>
    [
        new("import-hours", OfflineTexts.VerbHelp, (services, args) => ImportHoursVerb.RunAsync(services, args)),
        new("learning-figures", ReportTexts.VerbHelp, LearningFiguresVerb.RunAsync),
    ];

    public override IReadOnlyList<HomeCard> HomeCards =>
    [
        new(typeof(LearnerCard), LearningPermissions.Study, 5),
        new(typeof(OverdueCard), LearningPermissions.Follow, 30),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MediaStorage>();
        services.AddScoped<CourseCompletion>();
        services.AddScoped<OfflineHoursImport>();
        services.AddScoped<SendRemindersJob>();
        services.AddSingleton<HeartbeatWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<HeartbeatWriter>());
        services.AddScoped<LearningReport>();
        services.AddScoped<LearningFiguresJob>();
    }

    public override void AddRecurringJobs(IRecurringJobManager jobs)
    {
        LearningFiguresJob.Register(jobs);
        SendRemindersJob.RegisterDaily(jobs);
    }

    public override async Task PrepareAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LearningFiguresJob>().FillIfMissingAsync(CancellationToken.None);
    }
}
