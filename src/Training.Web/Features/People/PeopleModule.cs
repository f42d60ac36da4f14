using Hangfire;
using Training.Web.Features.People.Account;
using Training.Web.Features.People.Accounts;
using Training.Web.Features.People.Home;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Features.People;

/// <summary>
/// Org units, persons, accounts and one's own account: Account/ (sign-in, registration,
/// password), Admin/Users/ (accounts of units below), Org/ (the tree), Persons/ (search and
/// each person's whole story), Accounts/ (account rules and the first administrator).
/// </summary>
public sealed class PeopleModule : TrainingModule
{
    public override string Folder => "People";

    public override IReadOnlyList<Permission> Permissions => PeoplePermissions.All;

    public override IReadOnlyList<MenuEntry> Menu =>
    [
        new(PeopleTexts.MenuPersons, "/People/Persons/Index", PeoplePermissions.Persons, 20, Primary: true),
        new(PeopleTexts.MenuOrg, "/People/Org/Index", PeoplePermissions.Org, 80),
        new(PeopleTexts.MenuAccounts, "/People/Admin/Users/Index", PeoplePermissions.Accounts, 90),
        new(PeopleTexts.MenuOwnRecord, "/People/Persons/Details", PeoplePermissions.OwnRecord, 30, Primary: true, RouteValues: me => new { id = me.PersonId }),
        new(MyData.MyDataTexts.Menu, "/People/MyData/Index", PeoplePermissions.OwnData, 95),
        new(MyData.MyDataTexts.CorrectionsMenu, "/People/Corrections/Index", PeoplePermissions.Corrections, 85),
    ];

    /// <summary>The first card of the trainee's and of the staff's home page (with its heading), and the accounts line.</summary>
    public override IReadOnlyList<HomeCard> HomeCards =>
    [
        new(typeof(TraineeFactsCard), PeoplePermissions.OwnRecord, 10),
        new(typeof(UnitFactsCard), PeoplePermissions.Persons, 10),
        new(typeof(AccountsCard), PeoplePermissions.Accounts, 90),
    ];

    public override IReadOnlyList<Verb> Verbs =>
    [
        new("create-admin", PeopleTexts.CreateAdminHelp, CreateAdminVerb.RunAsync),
    ];

    public override void AddRecurringJobs(IRecurringJobManager jobs) => ForgetSignInFailuresJob.RegisterHourly(jobs);

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AdminBootstrap>();
        services.AddScoped<AccountRules>();
        services.AddScoped<SignInGate>();
        services.AddScoped<PasswordRequests>();
        services.AddScoped<MyData.MyDataSheets>();
        services.AddOptions<SignInGateOptions>().BindConfiguration(SignInGateOptions.Section);
    }
}
