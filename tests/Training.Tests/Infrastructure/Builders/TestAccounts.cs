using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Core.Identity;

namespace Training.Tests.Infrastructure.Builders;

/// <summary>Accounts a test creates for itself, so that the demo accounts other tests sign in with stay as they are.</summary>
public static class TestAccounts
{
    /// <summary>A new village staff account of the unit <paramref name="unitCode"/>; returns its user name.</summary>
    public static Task<string> CreateStaffAsync(this AppFixture app, string unitCode, string password) =>
        app.CreateStaffAsync(unitCode, password, Roles.VillageStaff);

    /// <summary>A new account of <paramref name="role"/> in the unit <paramref name="unitCode"/>, its password set by its owner today.</summary>
    public static async Task<string> CreateStaffAsync(this AppFixture app, string unitCode, string password, string role)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var unitId = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync());
        var user = new AppUser
        {
            UserName = "staff-" + Guid.NewGuid().ToString("N")[..8],
            DisplayName = "测试",
            Role = role,
            OrgUnitId = unitId,
            LockoutEnabled = true,
            CreatedAt = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user.UserName;
    }

    /// <summary>Gives <paramref name="userName"/> a new authenticator key and turns two factors on, as its set-up would; returns the key.</summary>
    public static async Task<string> EnableTwoFactorAsync(this AppFixture app, string userName)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No account {userName}.");
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }
}
