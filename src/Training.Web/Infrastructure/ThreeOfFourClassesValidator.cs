using Microsoft.AspNetCore.Identity;
using Training.Core.Identity;

namespace Training.Web.Infrastructure;

/// <summary>At least 3 of the 4 character classes: lower case, upper case, digits, symbols.</summary>
public sealed class ThreeOfFourClassesValidator : IPasswordValidator<AppUser>
{
    public static bool IsStrong(string password)
    {
        var classes = 0;
        if (password.Any(char.IsAsciiLetterLower)) classes++;
        if (password.Any(char.IsAsciiLetterUpper)) classes++;
        if (password.Any(char.IsAsciiDigit)) classes++;
        if (password.Any(c => !char.IsAsciiLetterOrDigit(c))) classes++;
        return classes >= 3;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && IsStrong(password)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordClasses",
                Description = "密码须包含小写字母、大写字母、数字、符号中的至少三类。",
            }));
}
