using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Training.Core.Identity;

namespace Training.Web.Infrastructure;

/// <summary>
/// What a password must be (issue 16 §2, 等保 8.1.4.1 a): at least 3 of the 4 character classes for everyone;
/// at least 12 characters for staff (every role but trainees, who keep 8: they type it on a phone, and their
/// account shows only their own record); never one on the common-password list, however it is dressed up
/// (<c>Passw0rd</c>, <c>P@ssword2024!</c>); never the account's own name. Identity calls it on every password set:
/// registration, a change, a reset, <c>create-admin</c>, the demo's accounts.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<AppUser>
{
    public const int StaffMinimumLength = 12;

    /// <summary>How long a staff password lasts (等保 8.1.4.1 a "定期更换"; see SECURITY.md for why not ASVS's advice).</summary>
    public static readonly TimeSpan StaffMaximumAge = TimeSpan.FromDays(90);

    public static bool IsStaff(AppUser user) => user.Role != Roles.Trainee;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var errors = Check(user, password ?? "").Select(e => new IdentityError { Code = e.Code, Description = e.Message }).ToArray();
        return Task.FromResult(errors.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(errors));
    }

    public static IEnumerable<(string Code, string Message)> Check(AppUser user, string password)
    {
        if (IsStaff(user) && password.Length < StaffMinimumLength)
            yield return ("PasswordTooShortForStaff", $"工作人员的密码至少 {StaffMinimumLength} 位。");
        if (!HasThreeClasses(password))
            yield return ("PasswordClasses", "密码须包含小写字母、大写字母、数字、符号中的至少三类。");
        if (IsCommon(password))
            yield return ("PasswordCommon", "这个密码太常见，容易被猜中，请换一个。");
        if (user.UserName is { Length: >= 3 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
            yield return ("PasswordHasUserName", "密码不能包含用户名。");
    }

    public static bool HasThreeClasses(string password)
    {
        var classes = 0;
        if (password.Any(char.IsAsciiLetterLower)) classes++;
        if (password.Any(char.IsAsciiLetterUpper)) classes++;
        if (password.Any(char.IsAsciiDigit)) classes++;
        if (password.Any(c => !char.IsAsciiLetterOrDigit(c))) classes++;
        return classes >= 3;
    }

    /// <summary>
    /// On the list as typed (lower-cased), or once the digits and symbols around it are taken off and look-alike
    /// characters read as letters: <c>P@ssw0rd2024!</c> is <c>password</c>, <c>1qaz@WSX</c> stays itself.
    /// </summary>
    public static bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        if (Common.Contains(lower)) return true;
        var core = lower.Trim(Surrounding);
        if (core.Length == 0 || Common.Contains(core)) return true;
        var letters = string.Concat(core.Select(c => LookAlikes.GetValueOrDefault(c, c))).Trim(Surrounding);
        return Common.Contains(letters) || Common.Contains(letters.Replace(".", "").Replace("_", "").Replace("-", ""));
    }

    private static readonly char[] Surrounding = "0123456789!@#$%^&*()_+-=.,;:'\"?/\\|`~<>[]{} ".ToCharArray();

    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['0'] = 'o', ['1'] = 'i', ['3'] = 'e', ['4'] = 'a', ['5'] = 's', ['7'] = 't', ['8'] = 'b', ['9'] = 'g',
        ['@'] = 'a', ['$'] = 's', ['!'] = 'i', ['|'] = 'l', ['+'] = 't',
    };

    /// <summary>The list (an embedded text file, one a line, lower case): the most used passwords worldwide and in China.</summary>
    private static readonly FrozenSet<string> Common = Load();

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("Training.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Trim() is { Length: > 0 } word && !word.StartsWith('#')) words.Add(word.ToLowerInvariant());
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
