using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Identity;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.People.Account;

/// <summary>What a password must be (issue 16 §2): PasswordRules, through the pages that set one.</summary>
[Collection(AppCollection.Name)]
public sealed class PasswordRulesTests(AppFixture app)
{
    private const string Password = "Str0ng!pass-12";
    private const string Village = "440111103201";

    [Theory]
    [InlineData("Passw0rd")]
    [InlineData("P@ssw0rd2024!")]
    [InlineData("Password123456")]
    [InlineData("Admin@123")]
    [InlineData("1qaz@WSX")]
    [InlineData("Qwerty123456!")]
    [InlineData("Guangzhou@2024")]
    [InlineData("Woaini1314!!")]
    [InlineData("20190315!!!!")]
    public void Should_find_a_common_password_however_it_is_dressed(string password) =>
        Assert.True(PasswordRules.IsCommon(password), password);

    [Theory]
    [InlineData("Gz-Cadre-2019")]
    [InlineData("Str0ng!pass-12")]
    [InlineData("Kx7#rLm2pQv9")]
    [InlineData("村官Study2026!")]
    public void Should_not_take_an_uncommon_password_for_a_common_one(string password) =>
        Assert.False(PasswordRules.IsCommon(password), password);

    [Fact]
    public async Task Should_refuse_Passw0rd_and_eleven_characters_for_staff_but_take_eleven_for_a_trainee()
    {
        var staff = await app.SignInAsync(await app.CreateStaffAsync(Village, Password), Password);

        var common = await ChangeAsync(staff, Password, "Passw0rd");
        var eleven = await ChangeAsync(staff, Password, "Kx7#rLm2pQv");

        Assert.Contains("太常见", common);
        Assert.Contains("至少 12 位", eleven);
        Assert.DoesNotContain("密码已修改", eleven);

        var trainee = await app.TraineeAsync();
        var traineeAnswer = await ChangeAsync(await app.SignInAsync(trainee), TestTrainees.Password, "Kx7#rLm2pQv");
        Assert.Contains("密码已修改", traineeAnswer);
    }

    [Fact]
    public async Task Should_refuse_a_password_that_contains_the_user_name()
    {
        var userName = await app.CreateStaffAsync(Village, Password);
        var client = await app.SignInAsync(userName, Password);

        Assert.Contains("不能包含用户名", await ChangeAsync(client, Password, userName.ToUpperInvariant() + "!x9"));
    }

    [Fact]
    public async Task Should_send_staff_to_change_a_password_older_than_90_days_and_let_a_trainee_keep_theirs()
    {
        var userName = await app.CreateStaffAsync(Village, Password);
        var trainee = await app.TraineeAsync();
        await AgeAsync(userName, 91);
        await AgeAsync(trainee.UserName, 400);

        var staff = await app.SignInAsync(userName, Password);
        using (var persons = await staff.GetAsync("/Persons"))
        {
            Assert.Equal(HttpStatusCode.Redirect, persons.StatusCode);
            Assert.Equal("/Account/ChangePassword", persons.Headers.Location?.OriginalString);
        }
        using (var form = await staff.GetAsync("/Account/ChangePassword"))
            Assert.Contains("满 90 天", await form.TextAsync());
        Assert.Contains("密码已修改", await ChangeAsync(staff, Password, "Kx7#rLm2pQv9"));
        using (var after = await staff.GetAsync("/Persons"))
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);

        using var home = await (await app.SignInAsync(trainee)).GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task Should_let_staff_whose_password_is_89_days_old_go_on()
    {
        var userName = await app.CreateStaffAsync(Village, Password);
        await AgeAsync(userName, 89);

        using var persons = await (await app.SignInAsync(userName, Password)).GetAsync("/Persons");

        Assert.Equal(HttpStatusCode.OK, persons.StatusCode);
    }

    private Task AgeAsync(string userName, int days) => app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName)
        .ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordChangedAt, DateTime.UtcNow.AddDays(-days)).SetProperty(x => x.CreatedAt, DateTime.UtcNow.AddDays(-days))));

    private static async Task<string> ChangeAsync(HttpClient client, string current, string next)
    {
        using var answer = await client.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        });
        return await answer.TextAsync();
    }
}
