import { readFileSync } from 'node:fs';
import type { OpenApiDocument } from './openapi-check';
import { schemaProblems } from './openapi-check';

const openApi = JSON.parse(
  readFileSync(new URL('./fixtures/jira-dc-10.3-auth.openapi.json', import.meta.url), 'utf8'),
) as OpenApiDocument;

const goodAuthSuccess = {
  session: { name: 'JSESSIONID', value: '6E3487971234567896704A9EB4AE501F' },
  loginInfo: {
    failedLoginCount: 10,
    loginCount: 127,
    lastFailedLoginTime: '2013-11-27T09:43:28.839+0000',
    previousLoginTime: '2013-12-04T07:54:59.824+0000',
  },
};

describe('openapi-check', () => {
  it('accepts the documented AuthSuccess example', () => {
    expect(schemaProblems(openApi, 'AuthSuccess', goodAuthSuccess)).toEqual([]);
  });

  it('reports wrong types and malformed date-times through $ref', () => {
    const bad = {
      session: { name: 'JSESSIONID', value: 42 },
      loginInfo: { failedLoginCount: 1.5, loginCount: '127', previousLoginTime: 'yesterday' },
    };
    expect(schemaProblems(openApi, 'AuthSuccess', bad)).toEqual([
      'AuthSuccess.session.value: expected string, got integer',
      'AuthSuccess.loginInfo.failedLoginCount: expected integer, got number',
      'AuthSuccess.loginInfo.loginCount: expected integer, got string',
      'AuthSuccess.loginInfo.previousLoginTime: "yesterday" is not a date-time',
    ]);
    expect(schemaProblems(openApi, 'AuthSuccess', [])).toEqual(['AuthSuccess: expected object, got array']);
  });

  it('checks additionalProperties schemas (UserBean.avatarUrls) and uri formats', () => {
    expect(schemaProblems(openApi, 'UserBean', { avatarUrls: { '48x48': 48 }, self: 'not a uri' })).toEqual([
      'UserBean.avatarUrls.48x48: expected string, got integer',
      'UserBean.self: "not a uri" is not a URI',
    ]);
  });

  it('refuses schemas it cannot read instead of passing them', () => {
    expect(() => schemaProblems(openApi, 'NoSuchSchema', {})).toThrow('Unknown schema');
    const withUnknownKeyword: OpenApiDocument = {
      components: { schemas: { Odd: { type: 'object', minProperties: 1 } as never } },
    };
    expect(() => schemaProblems(withUnknownKeyword, 'Odd', {})).toThrow('Unsupported keyword "minProperties"');
  });
});
