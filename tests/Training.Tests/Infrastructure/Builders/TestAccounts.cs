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
    public static async Task<string> CreateStaffAsync(this AppFixture app, string unitCode, string password)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var unitId = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync());
        var user = new AppUser
        {
            UserName = "staff-" + Guid.NewGuid().ToString("N")[..8],
            DisplayName = "测试",
            Role = Roles.VillageStaff,
            OrgUnitId = unitId,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.VillageStaff);
        return user.UserName;
    }
}
