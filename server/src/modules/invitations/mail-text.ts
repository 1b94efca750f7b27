// The words of an invitation or reset mail, in Chinese first and English after (the dashboard's two languages).
export const ROLE_WORDS = {
  national: { zh: '火炬中心用户', en: 'a Torch Center user' },
  province: { zh: '省级主管部门用户', en: 'a provincial department user' },
  incubator_manager: { zh: '孵化器管理员', en: 'an incubator manager' },
  tenant: { zh: '在孵企业用户', en: 'a tenant company user' },
} as const;

export function invitationMail(link: {
  kind: 'invite' | 'reset';
  name: string;
  role: keyof typeof ROLE_WORDS;
  organisation: string | null;
  inviter: string | null;
  url: string;
  expiresAt: string;
}) {
  const role = ROLE_WORDS[link.role];
  const where = link.organisation ? `（${link.organisation}）` : '';
  const whereEn = link.organisation ? ` (${link.organisation})` : '';
  const until = link.expiresAt.slice(0, 10);
  if (link.kind === 'reset') {
    return {
      subject: '火炬孵化器平台：重设密码 · Reset your password',
      text: `${link.name}，您好：\n\n请打开以下链接设置新密码（仅可使用一次，${until} 前有效）：\n${link.url}\n\nTo set a new password, open the link above (one use, valid until ${until}).\n`,
    };
  }
  return {
    subject: '火炬孵化器平台：账号邀请 · You are invited',
    text: `${link.name}，您好：\n\n${link.inviter ?? '火炬中心'}邀请您以「${role.zh}」身份${where}使用火炬孵化器平台。请打开以下链接设置密码（仅可使用一次，${until} 前有效）：\n${link.url}\n\n${link.inviter ?? 'The Torch Center'} invites you to the Torch Incubator Platform as ${role.en}${whereEn}. Open the link above to set your password (one use, valid until ${until}).\n`,
  };
}
