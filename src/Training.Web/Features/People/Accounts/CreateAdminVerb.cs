using Training.Web.Infrastructure;

namespace Training.Web.Features.People.Accounts;

/// <summary><c>create-admin --user NAME --password P</c>: the first CityAdmin of a production install.</summary>
public static class CreateAdminVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var user = CommandLine.Option(args, "--user");
        var password = CommandLine.Option(args, "--password");
        if (string.IsNullOrWhiteSpace(user) || string.IsNullOrEmpty(password))
            return CommandLine.Fail(PeopleTexts.CreateAdminUsage);
        await DatabaseSetup.MigrateAsync(services);
        await using (var scope = services.CreateAsyncScope())
        {
            var error = await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().CreateCityAdminAsync(user, password);
            if (error is not null) return CommandLine.Fail(error);
        }
        Console.WriteLine(PeopleTexts.CityAdminCreated(user));
        return 0;
    }
}
