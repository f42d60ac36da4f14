using Training.Web.Features.Audit;
using Training.Web.Features.Certificates;
using Training.Web.Features.Classes;
using Training.Web.Features.DataExchange;
using Training.Web.Features.Degree;
using Training.Web.Features.Demo;
using Training.Web.Features.Home;
using Training.Web.Features.Learning;
using Training.Web.Features.Notices;
using Training.Web.Features.People;
using Training.Web.Features.Reserves;
using Training.Web.Features.Statistics;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Modules;

var modules = PortalModules.All();
var builder = WebApplication.CreateBuilder(args);
var isVerb = CommandLine.IsVerb(args, modules);

builder.AddTrainingData();
builder.AddTrainingIdentity();
builder.AddTrainingWeb();
builder.AddTrainingModules(modules);
builder.AddTrainingJobs(runServer: !isVerb);
builder.AddTrainingHealth();

var app = builder.Build();

if (isVerb) return await CommandLine.RunAsync(app, args);

await app.PrepareDatabaseAsync();
app.UseTrainingPipeline();
app.MapTrainingHealth();
app.MapTrainingJobs(dashboardPolicy: HomePermissions.Maintenance);
app.MapTrainingPages();
await app.RunAsync();
return 0;

public partial class Program;

public static class PortalModules
{
    /// <summary>
    /// The portal's subjects, each a folder under Features/ with its pages, services, jobs, verbs,
    /// permissions and menu entries declared in its module class.
    /// </summary>
    public static TrainingModule[] All() =>
    [
        new HomeModule(),
        new PeopleModule(),
        new DegreeModule(),
        new ReservesModule(),
        new ClassesModule(),
        new LearningModule(),
        new StatisticsModule(),
        new DataExchangeModule(),
        new DemoModule(),
        new CertificatesModule(),
        new NoticesModule(),
        new AuditModule(),
    ];
}
