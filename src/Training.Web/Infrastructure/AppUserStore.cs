using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Identity;
using Training.Core.Data.Personal;

namespace Training.Web.Infrastructure;

/// <summary>
/// Identity's store with the authenticator keys encrypted at rest (issue 16 §6): in clear text in AspNetUserTokens,
/// whoever read the database could make every administrator's second factor. Identity reads and writes the key only
/// through these two methods. Keys written before are encrypted at start (<see cref="EncryptClearKeysAsync"/>).
/// </summary>
public sealed class AppUserStore(TrainingDbContext context, PersonalDataCipher cipher, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole, TrainingDbContext>(context, describer)
{
    // Identity's own names for the token row (UserStoreBase keeps them private).
    private const string StoreProvider = "[AspNetUserStore]", AuthenticatorKeyName = "AuthenticatorKey";

    public override Task SetAuthenticatorKeyAsync(AppUser user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, cipher.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(AppUser user, CancellationToken cancellationToken) =>
        await base.GetAuthenticatorKeyAsync(user, cancellationToken) is { } stored ? cipher.Unprotect(stored) : null;

    /// <summary>Encrypts the keys still in clear text; how many.</summary>
    public static async Task<int> EncryptClearKeysAsync(TrainingDbContext db, PersonalDataCipher cipher, CancellationToken ct)
    {
        var clear = await db.Set<IdentityUserToken<string>>()
            .Where(t => t.LoginProvider == StoreProvider && t.Name == AuthenticatorKeyName && t.Value != null && !t.Value.StartsWith(PersonalDataCipher.Prefix))
            .ToListAsync(ct);
        foreach (var token in clear) token.Value = cipher.Protect(token.Value!);
        await db.SaveChangesAsync(ct);
        return clear.Count;
    }
}
