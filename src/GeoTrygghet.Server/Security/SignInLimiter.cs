using System.Collections.Concurrent;

namespace GeoTrygghet.Server.Security;

/// <summary>
/// Limits password guessing at <c>POST /auth/login</c> (issue #10): after <see cref="PerUser"/> failed attempts for one
/// user name, or <see cref="PerAddress"/> from one address, within <see cref="Window"/>, further attempts are answered
/// 429 until the oldest failure leaves the window, whether the password would be right or not. Kept in memory: a restart
/// forgets, which costs a guesser a restart of the service, not a way round.
/// </summary>
public sealed class SignInLimiter(TimeProvider clock)
{
    public const int PerUser = 5;
    public const int PerAddress = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    public SignInLimiter()
        : this(TimeProvider.System)
    {
    }

    /// <summary>How long the caller must wait before trying again, or null when it may try now.</summary>
    public TimeSpan? Wait(string user, string address)
    {
        var now = clock.GetUtcNow();
        var waits = new[] { WaitFor("user:" + user.ToLowerInvariant(), PerUser, now), WaitFor("address:" + address, PerAddress, now) };
        return waits.Max();
    }

    public void Failed(string user, string address)
    {
        var now = clock.GetUtcNow();
        foreach (var key in new[] { "user:" + user.ToLowerInvariant(), "address:" + address })
        {
            var queue = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            lock (queue)
            {
                queue.Enqueue(now);
                while (queue.Count > PerAddress)
                {
                    queue.Dequeue();
                }
            }
        }
    }

    /// <summary>A successful sign-in clears the user's failures (not the address's: one right password does not excuse many wrong ones).</summary>
    public void Succeeded(string user) => _failures.TryRemove("user:" + user.ToLowerInvariant(), out _);

    private TimeSpan? WaitFor(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var queue))
        {
            return null;
        }

        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() >= Window)
            {
                queue.Dequeue();
            }

            return queue.Count < limit ? null : queue.ElementAt(queue.Count - limit) + Window - now;
        }
    }
}
