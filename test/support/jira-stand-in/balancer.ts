// The sticky load balancer in front of a cluster. Jira DC does not replicate HTTP sessions between nodes, so a
// client that drops the stickiness cookie lands on another node and is anonymous there.
import { SessionTable } from './sessions';

export interface JiraNode {
  /** 'node1', 'node2' in a cluster; undefined for a single server (no X-ANODEID). */
  readonly id: string | undefined;
  readonly sessions: SessionTable;
}

export interface Route {
  node: JiraNode;
  /** True when the balancer chose the node just now and must set ROUTEID on the response. */
  assigned: boolean;
}

export class Balancer {
  readonly nodes: readonly JiraNode[];
  private next = 0;

  constructor(cluster: boolean) {
    this.nodes = cluster
      ? [
          { id: 'node1', sessions: new SessionTable() },
          { id: 'node2', sessions: new SessionTable() },
        ]
      : [{ id: undefined, sessions: new SessionTable() }];
  }

  route(routeCookie: string | undefined): Route {
    const single = this.nodes.length === 1 ? this.nodes[0] : undefined;
    if (single !== undefined) return { node: single, assigned: false };
    const sticky = this.nodes.find((node) => routeCookie === `.${node.id}`);
    if (sticky !== undefined) return { node: sticky, assigned: false };
    // Round robin, so a request without the cookie after a login deterministically lands on the other node.
    const node = this.nodes[this.next % this.nodes.length];
    this.next += 1;
    if (node === undefined) throw new Error('The balancer has no nodes.');
    return { node, assigned: true };
  }
}
