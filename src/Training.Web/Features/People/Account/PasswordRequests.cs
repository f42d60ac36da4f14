using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;

namespace Training.Web.Features.People.Account;

/// <summary>
/// 密码申请 (issue 16 §4): how a password reaches its owner without an administrator seeing it. The owner starts a
/// request from their own browser (<c>/Account/Recover</c>), which keeps the request's random token in a cookie and
/// shows an 8-digit code derived from it; the owner reads the code to their unit's administrator in person or by
/// phone, who types it on the account's page (<see cref="ConfirmAsync"/>); that browser, and only it, may then set a
/// new password. A new account is opened without a password and gets its first one the same way. Why this and not a
/// one-time password or link: the administrator would see it, and the portal has no SMS channel to the registered
/// phone — the administrator's check of the person is the out-of-band step, and both halves are audited with their
/// addresses.
/// </summary>
public sealed class PasswordRequests(TrainingDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public const string Cookie = "training.recovery";

    /// <summary>Requests one address may start in an hour: enough for an office of several people, too few to flood units with codes.</summary>
    public const int PerSourcePerHour = 20;

    public sealed record Started(string Token, bool TooMany);

    /// <summary>
    /// Opens a request for the name typed. A name nobody may confirm (unknown, disabled, or an administrator's, which only the
    /// command line manages) gets a request all the same, without an account: the page looks alike whatever the name.
    /// </summary>
    public async Task<Started> StartAsync(string userName, string source, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var since = now - TimeSpan.FromHours(1);
        if (await db.PasswordRequests.CountAsync(r => r.Source == source && r.RequestedAt > since, ct) >= PerSourcePerHour)
            return new Started("", TooMany: true);

        var user = await users.FindByNameAsync(userName.Trim());
        var owner = user is { IsDisabled: false } && !RoleSets.Administrators.Contains(user.Role) ? user : null;
        if (owner is not null)
            foreach (var earlier in await db.PasswordRequests.Where(r => r.UserId == owner.Id && r.ExpiresAt > now).ToListAsync(ct))
                earlier.Close(now);

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.PasswordRequests.Add(new PasswordRequest(owner?.Id, Hash(token), Hash(CodeOf(token)), source, now));
        db.Audit.Add(new AuditEntry(user?.UserName ?? PeopleTexts.UnknownAccountName, PeopleTexts.PasswordRequestedAudit,
            owner is null ? PeopleTexts.PasswordRequestNobodyConfirms : "", now));
        await db.SaveChangesAsync(ct);
        return new Started(token, TooMany: false);
    }

    /// <summary>The 8 digits the owner reads out, derived from the token so that the owner's page can show them again.</summary>
    public static string CodeOf(string token)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes("code:" + token));
        return (BinaryPrimitives.ReadUInt64BigEndian(digest) % 100_000_000).ToString("D8");
    }

    /// <summary>"1234 5678": read out in two halves.</summary>
    public static string Shown(string code) => code.Length == 8 ? $"{code[..4]} {code[4..]}" : code;

    public Task<PasswordRequest?> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token)) return Task.FromResult<PasswordRequest?>(null);
        var hash = Hash(token);
        return db.PasswordRequests.SingleOrDefaultAsync(r => r.TokenHash == hash, ct);
    }

    /// <summary>The account's open request, for its administrator's page.</summary>
    public Task<PasswordRequest?> OpenRequestOfAsync(string userId, CancellationToken ct)
    {
        var now = clock.UtcNow();
        return db.PasswordRequests.AsNoTracking()
            .Where(r => r.UserId == userId).Where(PasswordRequest.OpenAt(now))
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The administrator types the code the owner read out, for an account it may manage (the caller has checked).</summary>
    public async Task<PasswordRequestConfirmation> ConfirmAsync(AppUser account, string code, string administrator, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var request = await db.PasswordRequests
            .Where(r => r.UserId == account.Id).Where(PasswordRequest.OpenAt(now))
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        var outcome = request?.Confirm(Hash(digits), administrator, now) ?? PasswordRequestConfirmation.Closed;
        db.Audit.Add(new AuditEntry(administrator, PeopleTexts.PasswordRequestConfirmedAudit, account.UserName!, now,
            outcome == PasswordRequestConfirmation.Confirmed ? AuditOutcome.Done : AuditOutcome.Refused));
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    /// <summary>The owner's browser sets the password of a confirmed request; Identity's errors when the password breaks a rule.</summary>
    public async Task<IdentityResult> SetPasswordAsync(PasswordRequest request, string password, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var user = request.UserId is { } id && request.IsConfirmed(now) ? await users.FindByIdAsync(id) : null;
        if (user is null) throw new DomainException(PeopleTexts.PasswordRequestClosed);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded) return result;
        request.Use(now);
        user.PasswordSetByOwner(now);
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        db.Audit.Add(new AuditEntry(user.UserName!, PeopleTexts.PasswordSetThroughRequestAudit, PeopleTexts.ConfirmedBy(request.ConfirmedBy!), now));
        await db.SaveChangesAsync(ct);
        return result;
    }

    private static string Hash(string text) => Digest.Sha256Hex(text);
}
