using Training.Core.Identity;
using Training.Web.Infrastructure;

namespace Training.Web.Features.People.Accounts;

/// <summary>
/// <c>create-admin --user NAME --password P [--role SystemAdmin|SecurityAuditor|CityAdmin]</c>: a production install's
/// system administrator (the default) and security auditor, the accounts the portal cannot make.
/// </summary>
public static class CreateAdminVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var user = CommandLine.Option(args, "--user");
        var password = CommandLine.Option(args, "--password");
        var role = CommandLine.Option(args, "--role") ?? Roles.SystemAdmin;
        if (string.IsNullOrWhiteSpace(user) || string.IsNullOrEmpty(password))
            return CommandLine.Fail(PeopleTexts.CreateAdminUsage);
        await DatabaseSetup.MigrateAsync(services);
        await using (var scope = services.CreateAsyncScope())
        {
            var error = await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().CreateAsync(user, password, role);
            if (error is not null) return CommandLine.Fail(error);
        }
        Console.WriteLine(PeopleTexts.AdminCreated(user, Roles.DisplayName(role)));
        return 0;
    }
}
