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
            return CommandLine.Fail("用法：create-admin --user 用户名 --password 密码");
        await DatabaseSetup.MigrateAsync(services);
        await using (var scope = services.CreateAsyncScope())
        {
            var error = await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().CreateCityAdminAsync(user, password);
            if (error is not null) return CommandLine.Fail(error);
        }
        Console.WriteLine($"已创建市级管理员账号 {user}。");
        return 0;
    }
}
