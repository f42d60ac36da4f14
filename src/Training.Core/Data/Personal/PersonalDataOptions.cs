using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Training.Core.Data.Personal;

/// <summary>
/// Hands the cipher to the model (<see cref="PersonalDataColumns"/>): the columns' converters hold it, so the model is
/// cached per key (<see cref="ModelCacheKey"/>) — two hosts in one process with two keys never share one.
/// </summary>
public static class PersonalDataOptions
{
    public static DbContextOptionsBuilder UsePersonalData(this DbContextOptionsBuilder options, PersonalDataCipher cipher)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new Extension(cipher));
        return options.ReplaceService<IModelCacheKeyFactory, ModelCacheKey>();
    }

    /// <summary>The cipher these options carry; null for a design-time context (migrations), which converts no data.</summary>
    public static PersonalDataCipher? CipherOf(IDbContextOptions options) => options.FindExtension<Extension>()?.Cipher;

    private sealed class ModelCacheKey : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            (context.GetType(), designTime, CipherOf(context.GetService<IDbContextOptions>())?.KeyId);
    }

    private sealed class Extension(PersonalDataCipher cipher) : IDbContextOptionsExtension
    {
        private DbContextOptionsExtensionInfo? _info;
        public PersonalDataCipher Cipher { get; } = cipher;
        public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);
        public void ApplyServices(IServiceCollection services) { }
        public void Validate(IDbContextOptions options) { }

        // No services of its own: every key shares EF's internal service provider, and the model cache key tells them apart.
        private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
        {
            public override bool IsDatabaseProvider => false;
            public override string LogFragment => "PersonalData ";
            public override int GetServiceProviderHashCode() => 0;
            public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;
            public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["PersonalData"] = "1";
        }
    }
}
