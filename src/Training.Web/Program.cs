using Training.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
var isVerb = CommandLine.IsVerb(args);

builder.AddTrainingData();
builder.AddTrainingIdentity();
builder.AddTrainingWeb();
builder.AddTrainingFeatures();
builder.AddTrainingJobs(runServer: !isVerb);
builder.AddTrainingHealth();

var app = builder.Build();

if (isVerb) return await CommandLine.RunAsync(app, args);

await app.PrepareDatabaseAsync();
app.UseTrainingPipeline();
app.MapTrainingHealth();
app.MapTrainingJobs();
app.MapTrainingPages();
await app.RunAsync();
return 0;

public partial class Program;
