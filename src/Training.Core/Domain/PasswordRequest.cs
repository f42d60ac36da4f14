using System.Linq.Expressions;

namespace Training.Core.Domain;

/// <summary>
/// 密码申请 (issue 16 §4): an account's owner asks for a new password from their own browser, which alone holds the
/// request's token; the owner reads the code derived from it to their unit's administrator, who confirms it on the
/// account's page; only then may that browser set a password. The administrator never sees a password or anything
/// that signs in. A request for a name nobody may confirm (unknown, disabled, an administrator's) is kept without an
/// account so that the page tells an outsider nothing.
/// </summary>
public class PasswordRequest
{
    /// <summary>Long enough to call the unit, short enough that a forgotten tab is useless.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>Wrong codes an administrator may type before the request is void (10⁸ codes: guessing is hopeless).</summary>
    public const int MaxWrongCodes = 5;

    private PasswordRequest() { TokenHash = CodeHash = Source = ""; }

    public PasswordRequest(string? userId, string tokenHash, string codeHash, string source, DateTime now)
    {
        UserId = userId;
        TokenHash = tokenHash;
        CodeHash = codeHash;
        Source = source;
        RequestedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public long Id { get; private set; }
    public string? UserId { get; private set; }
    public string TokenHash { get; private set; }
    public string CodeHash { get; private set; }
    public string Source { get; private set; }
    public DateTime RequestedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public int WrongCodes { get; private set; }
    public DateTime? ConfirmedAt { get; private set; }
    public string? ConfirmedBy { get; private set; }
    public DateTime? UsedAt { get; private set; }

    public bool IsOpen(DateTime now) => OpenAt(now).Compile()(this);

    /// <summary>The one rule of an open request, for queries and for <see cref="IsOpen"/>: not used, not expired, not guessed at.</summary>
    public static Expression<Func<PasswordRequest, bool>> OpenAt(DateTime now) =>
        r => r.UsedAt == null && now < r.ExpiresAt && r.WrongCodes < MaxWrongCodes;

    public bool IsConfirmed(DateTime now) => ConfirmedAt is not null && IsOpen(now);

    /// <summary>The administrator typed the code the owner read out; a wrong one counts towards <see cref="MaxWrongCodes"/>.</summary>
    public PasswordRequestConfirmation Confirm(string codeHash, string by, DateTime now)
    {
        if (!IsOpen(now) || UserId is null) return PasswordRequestConfirmation.Closed;
        if (!string.Equals(codeHash, CodeHash, StringComparison.Ordinal))
        {
            WrongCodes++;
            return IsOpen(now) ? PasswordRequestConfirmation.WrongCode : PasswordRequestConfirmation.Closed;
        }
        ConfirmedAt ??= now;
        ConfirmedBy ??= by;
        return PasswordRequestConfirmation.Confirmed;
    }

    /// <summary>The owner set the password: the request is spent.</summary>
    public void Use(DateTime now)
    {
        if (!IsConfirmed(now)) throw new DomainException("这次申请还没有经管理员确认，或已失效，请重新申请。");
        UsedAt = now;
    }

    /// <summary>A newer request of the same account, or the owner's 取消: this one ends now.</summary>
    public void Close(DateTime now)
    {
        if (ExpiresAt > now) ExpiresAt = now;
    }
}
