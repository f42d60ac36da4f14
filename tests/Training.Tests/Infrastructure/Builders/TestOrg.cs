using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;

namespace Training.Tests.Infrastructure.Builders;

/// <summary>Villages of the demo's organisation a test picks by where they are.</summary>
public static class TestOrg
{
    /// <summary>A village of the township (or district) <paramref name="unitCode"/>, e.g. another township's village of 白云区.</summary>
    public static Task<string> VillageUnderAsync(this AppFixture app, string unitCode, string? notUnder = null) =>
        app.WithDbAsync(db => db.OrgUnits
            .Where(u => u.Level == OrgLevel.Village && u.Path.Contains("/" + unitCode + "/")
                && (notUnder == null || !u.Path.Contains("/" + notUnder + "/")))
            .OrderBy(u => u.Code).Select(u => u.Code).FirstAsync());

    /// <summary>The first village whose code starts with <paramref name="prefix"/> and not with <paramref name="notPrefix"/>.</summary>
    public static Task<string> VillageCodeAsync(this AppFixture app, string prefix, string? notPrefix = null) =>
        app.WithDbAsync(db =>
        {
            var villages = db.OrgUnits.Where(u => u.Level == OrgLevel.Village && u.Code.StartsWith(prefix));
            if (notPrefix is not null) villages = villages.Where(u => !u.Code.StartsWith(notPrefix));
            return villages.OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
        });

    public static Task<string> PersonNameAsync(this AppFixture app, int personId) =>
        app.WithDbAsync(db => db.Persons.Where(p => p.Id == personId).Select(p => p.Name).SingleAsync());

    public static Task<int> FirstSchoolIdAsync(this AppFixture app) =>
        app.WithDbAsync(async db => await db.Users.Where(u => u.UserName == "school-1").Select(u => u.SchoolId).SingleAsync()
                                    ?? throw new InvalidOperationException("school-1 未绑定院校。"));

    public static Task<int> OtherSchoolIdAsync(this AppFixture app, int notSchoolId) =>
        app.WithDbAsync(db => db.Schools.Where(s => s.Id != notSchoolId).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
}
