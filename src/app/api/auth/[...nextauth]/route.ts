import { authPost, handlers } from "@/server/auth";

export const GET = handlers.GET;
export const POST = authPost;
