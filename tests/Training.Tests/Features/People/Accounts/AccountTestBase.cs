using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.People.Accounts;

/// <summary>Sign-in rules, trainee self-registration and staff account administration (PRODUCT.md §2 "Accounts").</summary>
public abstract class AccountTestBase(AppFixture appArg)
{
    protected readonly AppFixture app = appArg;

    protected const string Password = "Str0ng!pass-12";
}
