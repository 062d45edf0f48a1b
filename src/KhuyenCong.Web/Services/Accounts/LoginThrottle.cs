using System.Collections.Concurrent;
using System.Security.Cryptography;
using KhuyenCong.Web.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Services.Accounts;

/// <summary>
/// The sign-in defence besides Identity's lockout (5 failures lock an account for 15 minutes). Failed sign-ins are
/// counted in a sliding window per client IP and submitted name (a tight limit, so one attacker cannot lock
/// anybody else out by it) and per client IP alone (a limit only a flood reaches, so staff behind one address keep
/// signing in while another account is attacked). A name with no account gets exactly the answers and the work an
/// account gets: a password hash is checked against a dummy hash, and Identity's lockout rule is replayed in memory,
/// so neither the time nor the message tells whether an address has an account.
/// Both maps hold at most <see cref="MaxKeys"/> keys: past that, expired keys go first, then the least recently
/// failed, so a stream of made-up names cannot grow memory (the address that sends the stream stays counted: its
/// key is the most recent one).
/// </summary>
public sealed class LoginThrottle(TimeProvider clock, IOptions<IdentityOptions> identity)
{
    public const int MaxFailuresPerIpAndName = 10;
    public const int MaxFailuresPerIp = 300;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>The most keys either map holds; a trim brings it back to three quarters of this.</summary>
    public const int MaxKeys = 20_000;

    private static readonly AppUser Nobody = new();
    private readonly ConcurrentDictionary<string, Failures> failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, UnknownAccount> unknown = new(StringComparer.Ordinal);
    private readonly Lock trimGate = new();
    private string? dummyHash;

    /// <summary>Keys held now, both maps together (for tests of the bound).</summary>
    internal int KeyCount => failures.Count + unknown.Count;

    public bool IsBlocked(string ip, string userName) =>
        Count("ip:" + ip) >= MaxFailuresPerIp || Count("ip+user:" + ip + "\n" + Key(userName)) >= MaxFailuresPerIpAndName;

    public void RecordFailure(string ip, string userName)
    {
        Add("ip:" + ip);
        Add("ip+user:" + ip + "\n" + Key(userName));
    }

    /// <summary>The same password work as checking a real account's password (same hasher, same cost).</summary>
    public void VerifyDummy(IPasswordHasher<AppUser> hasher, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var hash = dummyHash ??= hasher.HashPassword(Nobody, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }

    /// <summary>Whether a name without an account is "locked out", as an account would be after the same failures.</summary>
    public bool IsUnknownLockedOut(string userName) =>
        unknown.TryGetValue(Key(userName), out var state) && state.IsLockedOut(clock.GetUtcNow());

    /// <summary>A failure for a name without an account; true when it now counts as locked out (Identity's rule).</summary>
    public bool RecordUnknownFailure(string userName)
    {
        var now = clock.GetUtcNow();
        var lockout = identity.Value.Lockout;
        Trim(unknown, s => s.IsStale(now, lockout.DefaultLockoutTimeSpan), s => s.LastFailure);
        return unknown.GetOrAdd(Key(userName), _ => new UnknownAccount()).Fail(now, lockout.MaxFailedAccessAttempts, lockout.DefaultLockoutTimeSpan);
    }

    private static string Key(string userName) => userName.Trim().ToUpperInvariant();

    private void Add(string key)
    {
        var now = clock.GetUtcNow();
        Trim(failures, f => f.Count(now - Window) == 0, f => f.Last);
        failures.GetOrAdd(key, _ => new Failures()).Add(now);
    }

    private int Count(string key) => failures.TryGetValue(key, out var list) ? list.Count(clock.GetUtcNow() - Window) : 0;

    /// <summary>
    /// At <see cref="MaxKeys"/>, drops the expired keys and then the least recent ones down to three quarters of it:
    /// one sort per quarter of the bound added, so the cost per failure stays small.
    /// </summary>
    private void Trim<T>(ConcurrentDictionary<string, T> map, Func<T, bool> expired, Func<T, DateTimeOffset> last)
    {
        if (map.Count < MaxKeys)
        {
            return;
        }

        lock (trimGate)
        {
            if (map.Count < MaxKeys)
            {
                return;
            }

            foreach (var (key, value) in map)
            {
                if (expired(value))
                {
                    map.TryRemove(key, out _);
                }
            }

            var excess = map.Count - (MaxKeys * 3 / 4);
            if (excess > 0)
            {
                foreach (var key in map.Select(e => (e.Key, Last: last(e.Value))).OrderBy(e => e.Last).Take(excess).Select(e => e.Key).ToList())
                {
                    map.TryRemove(key, out _);
                }
            }
        }
    }

    /// <summary>The times of one key's failures, oldest first.</summary>
    private sealed class Failures
    {
        private readonly Lock gate = new();
        private readonly Queue<DateTimeOffset> times = new();

        public DateTimeOffset Last { get; private set; }

        public void Add(DateTimeOffset now)
        {
            lock (gate)
            {
                times.Enqueue(now);
                Last = now;
            }
        }

        /// <summary>Failures after <paramref name="cutoff"/>; older ones are dropped.</summary>
        public int Count(DateTimeOffset cutoff)
        {
            lock (gate)
            {
                while (times.TryPeek(out var oldest) && oldest < cutoff)
                {
                    times.Dequeue();
                }

                return times.Count;
            }
        }
    }

    /// <summary>Identity's counter for a name with no account: N failures lock it for the lockout time, then it starts over.</summary>
    private sealed class UnknownAccount
    {
        private readonly Lock gate = new();
        private int failed;
        private DateTimeOffset lockedUntil;

        public DateTimeOffset LastFailure { get; private set; }

        public bool IsLockedOut(DateTimeOffset now)
        {
            lock (gate)
            {
                return lockedUntil > now;
            }
        }

        public bool IsStale(DateTimeOffset now, TimeSpan lockout)
        {
            lock (gate)
            {
                return lockedUntil <= now && now - LastFailure > lockout;
            }
        }

        public bool Fail(DateTimeOffset now, int maxFailures, TimeSpan lockout)
        {
            lock (gate)
            {
                LastFailure = now;
                if (lockedUntil > now)
                {
                    return true;
                }

                if (++failed >= maxFailures)
                {
                    failed = 0;
                    lockedUntil = now + lockout;
                    return true;
                }

                return false;
            }
        }
    }
}
