// Checks across the objects of one rendered overlay that no schema can express.
//   node consistency.mjs RENDERED.yaml [...]
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const problems = [];
// Setting names that carry secrets: they belong in the Secret, never in a ConfigMap or a literal env value.
const secretName = /(Token|Password|Key|Secret|Redis__Configuration)$/i;

for (const file of process.argv.slice(2)) {
  const objects = parseAllDocuments(readFileSync(file, "utf8")).map((d) => d.toJS()).filter(Boolean);
  const settings = objects.find((o) => o.kind === "ConfigMap" && o.metadata?.name === "skinbot-settings")?.data ?? {};
  const shutdownSeconds = Number(settings.shutdownTimeoutSeconds ?? 30);
  const selfContainedRedis = objects.some((o) => o.kind === "Service" && o.metadata?.name === "skinbot-redis");

  for (const [key, value] of Object.entries(settings)) {
    // The in-cluster Redis has no password, so its address may sit in the ConfigMap; nothing else secret may.
    if (secretName.test(key) && !(selfContainedRedis && !/password=/i.test(value))) {
      problems.push(`${file}: ConfigMap skinbot-settings holds ${key}, a secret: put it in the Secret`);
    }
  }

  for (const workload of objects.filter((o) => o.kind === "Deployment" || o.kind === "StatefulSet")) {
    const name = `${file}: ${workload.kind} ${workload.metadata.name}`;
    const pod = workload.spec.template.spec;
    const skinbot = pod.containers.find((c) => c.name === "skinbot");
    if (!skinbot) {
      continue;
    }

    const env = Object.fromEntries((skinbot.env ?? []).map((e) => [e.name, e]));
    for (const variable of Object.values(env)) {
      if (secretName.test(variable.name) && variable.value !== undefined) {
        problems.push(`${name}: ${variable.name} is a literal value; take it from the Secret`);
      }
    }

    // SIGTERM: the preStop pause, then the host's shutdown timeout, must both fit in the grace period.
    const preStop = skinbot.lifecycle?.preStop?.sleep?.seconds ?? 0;
    const grace = pod.terminationGracePeriodSeconds ?? 30;
    if (preStop + shutdownSeconds >= grace) {
      problems.push(`${name}: terminationGracePeriodSeconds ${grace} leaves no margin after preStop ${preStop} s + shutdownTimeoutSeconds ${shutdownSeconds}`);
    }

    const role = env.SKINBOT__Host__Role?.value;
    if (workload.kind === "StatefulSet" && role === "gateway") {
      const replicas = env.SKINBOT__Discord__GatewayReplicas?.value;
      if (String(workload.spec.replicas ?? 1) !== replicas) {
        problems.push(`${name}: ${workload.spec.replicas} replicas but SKINBOT__Discord__GatewayReplicas is ${replicas}: shards would be owned twice or not at all`);
      }

      const shards = Number(settings.SKINBOT__Discord__ShardCount ?? 1);
      if (shards < (workload.spec.replicas ?? 1)) {
        problems.push(`${name}: ${workload.spec.replicas} replicas for ${shards} shard(s): a pod would own none`);
      }

      if (workload.spec.podManagementPolicy !== "Parallel") {
        problems.push(`${name}: podManagementPolicy must be Parallel (every pod owns its own shards)`);
      }
    }
  }
}

for (const problem of problems) {
  console.error(`inconsistent: ${problem}`);
}

process.exit(problems.length === 0 ? 0 : 1);
